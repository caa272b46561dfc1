namespace Pcc.Catalogue.Ingestion.Review;

/// <summary>What confirming a held version did.</summary>
/// <param name="Status">confirmed, already-current (confirmed before, or never held), superseded (a newer version was published) or not-found.</param>
/// <param name="Message">A sentence for the editor.</param>
/// <param name="ReportPath">The report of the version as published, when it was.</param>
public sealed record ConfirmOutcome(string Status, string Message, string? ReportPath = null)
{
    /// <summary>The version is now current.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>The version was already current: confirming again changes nothing.</summary>
    public const string AlreadyCurrent = "already-current";

    /// <summary>A newer version of the briefing was published after this one was held.</summary>
    public const string Superseded = "superseded";

    /// <summary>No held version with that number.</summary>
    public const string NotFound = "not-found";
}
