namespace Pcc.Notifications.Digests;

/// <summary>The per-recipient placeholders in rendered digests, replaced through each recipient's substitutions.</summary>
public static class DigestPlaceholders
{
    /// <summary>The recipient's link to manage their themes and frequency.</summary>
    public const string ManageUrl = "-manageUrl-";

    /// <summary>The recipient's one-click unsubscribe link.</summary>
    public const string UnsubscribeUrl = "-unsubscribeUrl-";
}
