using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;

namespace Pcc.Notifications.Subscriptions;

/// <summary>The two emails an unauthenticated subscribe request can cause: a confirmation, or "you are already subscribed".</summary>
public sealed class SubscriptionMailer
{
    /// <summary>The category of confirmation emails.</summary>
    public const string ConfirmationCategory = "subscription-confirmation";

    /// <summary>The category of "already subscribed" emails.</summary>
    public const string AlreadySubscribedCategory = "subscription-already-active";

    /// <summary>The opening of the "already subscribed" email.</summary>
    internal const string AlreadySubscribedIntro = "Someone, probably you, asked to subscribe this address, which is already subscribed. Nothing has changed.";

    /// <summary>The close of the "already subscribed" email.</summary>
    internal const string AlreadySubscribedOutro = "If it was not you, you can ignore this email.";

    private const string ConfirmationSubject = "Confirm your subscription";
    private const string AlreadySubscribedSubject = "You are already subscribed";

    private readonly IEmailTransport _transport;
    private readonly SubscriptionOptions _options;
    private readonly EmailAddress _from;
    private readonly IReadOnlyDictionary<string, string> _themeNames;
    private readonly EmailHtmlRenderer _html;

    /// <summary>
    /// Creates the mailer: <paramref name="from"/> is the sender (the <c>Email</c> settings); <paramref name="themeNames"/> maps
    /// theme slugs to the names shown to people; <paramref name="html"/> renders the HTML parts.
    /// </summary>
    public SubscriptionMailer(IEmailTransport transport, SubscriptionOptions options, EmailAddress from, IReadOnlyDictionary<string, string> themeNames, EmailHtmlRenderer html)
    {
        _transport = transport;
        _options = options;
        _from = from;
        _themeNames = themeNames;
        _html = html ?? throw new ArgumentNullException(nameof(html));
    }

    /// <summary>Asks the address to confirm the themes and frequency it requested.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendConfirmationAsync(
        string address, IReadOnlyList<string> themes, DigestFrequency frequency, Uri confirmUrl, CancellationToken cancellationToken = default)
    {
        var names = themes.Select(t => _themeNames.GetValueOrDefault(t, t)).ToList();
        var days = (int)Math.Round(_options.ConfirmTokenLifetime.TotalDays);
        var how = SubscriptionNames.Of(frequency);
        var text =
            $"Please confirm that you would like {how} emails about new and changed case studies in these themes:\n\n"
            + string.Concat(names.Select(n => $"- {n}\n"))
            + $"\nConfirm your subscription:\n{confirmUrl.AbsoluteUri}\n\n"
            + $"The link works for {days} days. If you did not ask for this, ignore this email: you will not hear from us again.\n";
        var html = await _html.RenderAsync<ConfirmationEmail>(new Dictionary<string, object?>
        {
            [nameof(ConfirmationEmail.Subject)] = ConfirmationSubject,
            [nameof(ConfirmationEmail.How)] = how,
            [nameof(ConfirmationEmail.Themes)] = names,
            [nameof(ConfirmationEmail.ConfirmUrl)] = confirmUrl.AbsoluteUri,
            [nameof(ConfirmationEmail.Days)] = days,
        }, cancellationToken).ConfigureAwait(false);
        return await SendAsync(address, ConfirmationSubject, text, html, ConfirmationCategory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells an active subscriber that someone asked to subscribe them again, with their manage link.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendAlreadySubscribedAsync(string address, Uri manageUrl, CancellationToken cancellationToken = default)
    {
        var text = $"{AlreadySubscribedIntro}\n\nTo change your themes or how often you hear from us:\n{manageUrl.AbsoluteUri}\n\n{AlreadySubscribedOutro}\n";
        var html = await _html.RenderAsync<AlreadySubscribedEmail>(new Dictionary<string, object?>
        {
            [nameof(AlreadySubscribedEmail.Subject)] = AlreadySubscribedSubject,
            [nameof(AlreadySubscribedEmail.ManageUrl)] = manageUrl.AbsoluteUri,
        }, cancellationToken).ConfigureAwait(false);
        return await SendAsync(address, AlreadySubscribedSubject, text, html, AlreadySubscribedCategory, cancellationToken).ConfigureAwait(false);
    }

    private Task<IReadOnlyList<DeliveryResult>> SendAsync(string address, string subject, string text, string html, string category, CancellationToken cancellationToken)
    {
        var batch = new EmailBatch(_from, subject, html, text, [new EmailRecipient(new EmailAddress(address))])
        {
            Category = category,
        };
        return _transport.SendAsync(batch, cancellationToken);
    }
}
