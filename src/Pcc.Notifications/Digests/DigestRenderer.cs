using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;

namespace Pcc.Notifications.Digests;

/// <summary>Renders an audience's digest and turns it into an <see cref="EmailBatch"/> for some of its recipients.</summary>
public sealed class DigestRenderer
{
    private readonly DigestOptions _options;
    private readonly EmailHtmlRenderer _html;

    /// <summary>Creates a renderer with the given settings; <paramref name="html"/> renders the HTML part (<see cref="DigestEmail"/>).</summary>
    public DigestRenderer(DigestOptions options, EmailHtmlRenderer html)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _html = html ?? throw new ArgumentNullException(nameof(html));
    }

    /// <summary>
    /// The subject, HTML and text every recipient in <paramref name="audience"/> shares. The footer's links are the
    /// placeholders in <see cref="DigestPlaceholders"/>.
    /// </summary>
    public async Task<DigestContent> RenderAsync(DigestWindow window, DigestAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(audience);
        if (audience.Sections.Count == 0 || !audience.Items.Any())
        {
            throw new ArgumentException("A digest needs at least one change; an audience without changes gets no email.", nameof(audience));
        }

        var subject = DigestSubject.For(audience);
        var html = await _html.RenderAsync<DigestEmail>(new Dictionary<string, object?>
        {
            [nameof(DigestEmail.Window)] = window,
            [nameof(DigestEmail.Audience)] = audience,
            [nameof(DigestEmail.Subject)] = subject,
            [nameof(DigestEmail.Options)] = _options,
        }, cancellationToken).ConfigureAwait(false);
        return new DigestContent(subject, html, DigestText.Render(window, audience, _options));
    }

    /// <summary>
    /// One batch of <paramref name="content"/> for <paramref name="recipients"/>: each recipient's manage and unsubscribe
    /// links go in through substitutions, and their own <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>
    /// headers (RFC 8058 one-click) carry the real link, since SMTP headers cannot use substitutions.
    /// </summary>
    public EmailBatch CreateBatch(DigestContent content, IEnumerable<DigestRecipient> recipients, EmailAddress from) =>
        CreateBatch(_options, content, recipients, from);

    /// <summary>What <see cref="CreateBatch(DigestContent, IEnumerable{DigestRecipient}, EmailAddress)"/> does, for a sender that renders nothing.</summary>
    internal static EmailBatch CreateBatch(DigestOptions options, DigestContent content, IEnumerable<DigestRecipient> recipients, EmailAddress from)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recipients);
        return new EmailBatch(from, content.Subject, content.Html, content.Text, [.. recipients.Select(Recipient)])
        {
            Category = options.Category,
        };
    }

    /// <summary>What <see cref="CreateBatch(DigestContent, IEnumerable{DigestRecipient}, EmailAddress)"/> does, for recipients read from a batch's blob.</summary>
    internal static EmailBatch CreateBatch(DigestOptions options, DigestContent content, IEnumerable<DigestBatchRecipient> recipients, EmailAddress from)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recipients);
        return new EmailBatch(from, content.Subject, content.Html, content.Text, [.. recipients.Select(r => Recipient(r.Email, r.ManageUrl, r.UnsubscribeUrl))])
        {
            Category = options.Category,
        };
    }

    private static EmailRecipient Recipient(DigestRecipient recipient) => Recipient(recipient.Email, recipient.ManageUrl, recipient.UnsubscribeUrl);

    private static EmailRecipient Recipient(string email, string manageUrl, string unsubscribeUrl) => new(new EmailAddress(email))
    {
        Substitutions = new Dictionary<string, string>
        {
            [DigestPlaceholders.ManageUrl] = manageUrl,
            [DigestPlaceholders.UnsubscribeUrl] = unsubscribeUrl,
        },
        Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribeUrl}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
    };
}
