using System.Text.Json.Serialization;

namespace Pcc.Briefings.Comparison;

/// <summary>What happened to a run of words between two versions; stored and served as <c>unchanged</c>, <c>deleted</c> or <c>inserted</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiffPieceKind>))]
public enum DiffPieceKind
{
    /// <summary>The words are in both versions.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,
    /// <summary>The words were in the old version only.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,
    /// <summary>The words are in the new version only.</summary>
    [JsonStringEnumMemberName("inserted")]
    Inserted,
}
