namespace Pcc.Storage.Queues.Models;

/// <summary>What the service reports after a message is updated: the old pop receipt is no longer valid.</summary>
public sealed class UpdateReceipt
{
    internal UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
    {
        PopReceipt = popReceipt;
        NextVisibleOn = nextVisibleOn;
    }

    /// <summary>The new pop receipt, needed for the next delete or update.</summary>
    public string PopReceipt { get; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset NextVisibleOn { get; }
}
