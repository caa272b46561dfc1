namespace Pcc.Notifications.Digests;

/// <summary>Whether a run of words was kept, deleted or inserted.</summary>
public enum DigestDiffPieceKind
{
    /// <summary>In both versions.</summary>
    Unchanged,

    /// <summary>Only in the version before.</summary>
    Deleted,

    /// <summary>Only in the version after.</summary>
    Inserted,
}
