namespace Pcc.Briefings.Comparison;

/// <summary>What happened to a run of words between two versions.</summary>
public enum DiffPieceKind
{
    /// <summary>The words are in both versions.</summary>
    Unchanged,
    /// <summary>The words were in the old version only.</summary>
    Deleted,
    /// <summary>The words are in the new version only.</summary>
    Inserted,
}
