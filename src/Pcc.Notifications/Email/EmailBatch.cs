namespace Pcc.Notifications.Email;

/// <summary>Content shared by every recipient of a batch, with per-recipient placeholders.</summary>
/// <param name="From">The sender.</param>
/// <param name="Subject">The subject (may contain placeholders).</param>
/// <param name="Html">The HTML part (may contain placeholders).</param>
/// <param name="Text">The plain-text part (may contain placeholders).</param>
/// <param name="Recipients">One or more recipients; each gets their own message.</param>
public sealed record EmailBatch(EmailAddress From, string Subject, string Html, string Text, IReadOnlyList<EmailRecipient> Recipients)
{
    /// <summary>Headers for every recipient (a recipient's own headers win).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A category for reporting (SendGrid category; an X- header over SMTP).</summary>
    public string? Category { get; init; }
}
