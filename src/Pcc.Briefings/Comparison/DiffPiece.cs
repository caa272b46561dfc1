namespace Pcc.Briefings.Comparison;

/// <summary>A run of words that were kept, deleted or inserted.</summary>
/// <param name="Kind">What happened to the words.</param>
/// <param name="Text">The words, separated by single spaces, as the version they come from writes them.</param>
public sealed record DiffPiece(DiffPieceKind Kind, string Text);
