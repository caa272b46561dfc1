namespace Pcc.Notifications.Email;

/// <summary>
/// One recipient of a batch. Each <see cref="Substitutions"/> key found in the batch's subject, HTML or text is
/// replaced by its value for this recipient only (keys look like <c>-unsubscribeUrl-</c>). <see cref="Headers"/> are
/// added to this recipient's message only (e.g. <c>List-Unsubscribe</c> with their own link).
/// </summary>
public sealed record EmailRecipient(EmailAddress To)
{
    /// <summary>Per-recipient replacements for placeholders in the shared content.</summary>
    public IReadOnlyDictionary<string, string> Substitutions { get; init; } = new Dictionary<string, string>();

    /// <summary>Per-recipient headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
