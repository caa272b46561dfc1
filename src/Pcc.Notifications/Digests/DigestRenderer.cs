using Pcc.Notifications.Email;

namespace Pcc.Notifications.Digests;

/// <summary>Renders an audience's digest and turns it into an <see cref="EmailBatch"/> for some of its recipients.</summary>
public sealed class DigestRenderer
{
    private readonly DigestOptions _options;

    /// <summary>Creates a renderer with the given settings.</summary>
    public DigestRenderer(DigestOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// The subject, HTML and text every recipient in <paramref name="audience"/> shares. The footer's links are the
    /// placeholders in <see cref="DigestPlaceholders"/>.
    /// </summary>
    public DigestContent Render(DigestWindow window, DigestAudience audience)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(audience);
        if (audience.Sections.Count == 0 || !audience.Items.Any())
        {
            throw new ArgumentException("A digest needs at least one change; an audience without changes gets no email.", nameof(audience));
        }

        var subject = DigestSubject.For(audience);
        return new DigestContent(subject, DigestHtml.Render(window, audience, subject, _options), DigestText.Render(window, audience, _options));
    }

    /// <summary>
    /// One batch of <paramref name="content"/> for <paramref name="recipients"/>: each recipient's manage and unsubscribe
    /// links go in through substitutions, and their own <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>
    /// headers (RFC 8058 one-click) carry the real link, since SMTP headers cannot use substitutions.
    /// </summary>
    public EmailBatch CreateBatch(DigestContent content, IEnumerable<DigestRecipient> recipients, EmailAddress from)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recipients);
        return new EmailBatch(from, content.Subject, content.Html, content.Text, [.. recipients.Select(Recipient)])
        {
            Category = _options.Category,
        };
    }

    private static EmailRecipient Recipient(DigestRecipient recipient) => new(new EmailAddress(recipient.Email))
    {
        Substitutions = new Dictionary<string, string>
        {
            [DigestPlaceholders.ManageUrl] = recipient.ManageUrl,
            [DigestPlaceholders.UnsubscribeUrl] = recipient.UnsubscribeUrl,
        },
        Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{recipient.UnsubscribeUrl}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
    };
}
