namespace Pcc.Cli;

/// <summary>What the process exit code means.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong (unknown command, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>A document (or the themes file) could not be read; the reason is on standard error.</summary>
    public const int Unreadable = 2;

    /// <summary>The version was read but is held for review (it would empty the briefing or remove most of it); see <c>pcc confirm</c>.</summary>
    public const int HeldForReview = 3;

    /// <summary>Nothing to confirm: no such held version, or a newer version was published since.</summary>
    public const int NotConfirmed = 5;

    /// <summary>A deployment check (<c>pcc smoke</c>) failed a step; the step and why are on standard error.</summary>
    public const int CheckFailed = 6;

    /// <summary>Waited for the app (e.g. an ingest report) longer than allowed.</summary>
    public const int TimedOut = 4;
}
