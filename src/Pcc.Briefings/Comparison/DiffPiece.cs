using System.Text.Json.Serialization;

namespace Pcc.Briefings.Comparison;

/// <summary>A run of words that were kept, deleted or inserted; in JSON <c>{"kind":"deleted","text":"six"}</c>.</summary>
/// <param name="Kind">What happened to the words.</param>
/// <param name="Text">The words, separated by single spaces, as the version they come from writes them.</param>
public sealed record DiffPiece(
    [property: JsonPropertyName("kind")] DiffPieceKind Kind,
    [property: JsonPropertyName("text")] string Text);
