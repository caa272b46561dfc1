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

    /// <summary>The opening of the "already subscribed" email when the request asked for something new.</summary>
    internal const string AddIntro = "Someone, probably you, asked to follow more with this address, which is already subscribed. Nothing has changed yet. They asked for:";

    /// <summary>What to do to add it.</summary>
    internal const string AddHow = "To add it, open your subscription, check what is ticked and press Save:";

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

    /// <summary>Asks the address to confirm the themes (slugs) and frequency it requested.</summary>
    public Task<IReadOnlyList<DeliveryResult>> SendConfirmationAsync(
        string address, IReadOnlyList<string> themes, DigestFrequency frequency, Uri confirmUrl, CancellationToken cancellationToken = default) =>
        SendConfirmationAsync(address, [.. themes.Select(t => new FollowedItem(FollowKind.Theme, t, _themeNames.GetValueOrDefault(t, t)))], frequency, confirmUrl, cancellationToken);

    /// <summary>Asks the address to confirm what it asked to follow (themes, briefings, case studies) and how often.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendConfirmationAsync(
        string address, IReadOnlyList<FollowedItem> follows, DigestFrequency frequency, Uri confirmUrl, CancellationToken cancellationToken = default)
    {
        var names = Lines(follows);
        var days = (int)Math.Round(_options.ConfirmTokenLifetime.TotalDays);
        var how = SubscriptionNames.Of(frequency);
        var intro = ConfirmationIntro(how, follows);
        var text =
            $"{intro}\n\n"
            + string.Concat(names.Select(n => $"- {n}\n"))
            + $"\nConfirm your subscription:\n{confirmUrl.AbsoluteUri}\n\n"
            + $"The link works for {days} days. If you did not ask for this, ignore this email: you will not hear from us again.\n";
        var html = await _html.RenderAsync<ConfirmationEmail>(new Dictionary<string, object?>
        {
            [nameof(ConfirmationEmail.Subject)] = ConfirmationSubject,
            [nameof(ConfirmationEmail.Intro)] = intro,
            [nameof(ConfirmationEmail.Themes)] = names,
            [nameof(ConfirmationEmail.ConfirmUrl)] = confirmUrl.AbsoluteUri,
            [nameof(ConfirmationEmail.Days)] = days,
        }, cancellationToken).ConfigureAwait(false);
        return await SendAsync(address, ConfirmationSubject, text, html, ConfirmationCategory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells an active subscriber that someone asked to subscribe them again, with their manage link; when the request
    /// asked for something they do not follow yet (<paramref name="additions"/>), names it: the link opens the manage
    /// page with it ticked, and saving there adds it.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendAlreadySubscribedAsync(string address, Uri manageUrl, IReadOnlyList<FollowedItem>? additions = null, CancellationToken cancellationToken = default)
    {
        var adds = Lines(additions ?? []);
        var text = adds.Count == 0
            ? $"{AlreadySubscribedIntro}\n\nTo change your themes or how often you hear from us:\n{manageUrl.AbsoluteUri}\n\n{AlreadySubscribedOutro}\n"
            : $"{AddIntro}\n\n{string.Concat(adds.Select(n => $"- {n}\n"))}\n{AddHow}\n{manageUrl.AbsoluteUri}\n\n{AlreadySubscribedOutro}\n";
        var html = await _html.RenderAsync<AlreadySubscribedEmail>(new Dictionary<string, object?>
        {
            [nameof(AlreadySubscribedEmail.Subject)] = AlreadySubscribedSubject,
            [nameof(AlreadySubscribedEmail.ManageUrl)] = manageUrl.AbsoluteUri,
            [nameof(AlreadySubscribedEmail.Additions)] = adds,
        }, cancellationToken).ConfigureAwait(false);
        return await SendAsync(address, AlreadySubscribedSubject, text, html, AlreadySubscribedCategory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The confirmation's first sentence: about themes, as it always was, or about everything asked for.</summary>
    internal static string ConfirmationIntro(string how, IReadOnlyList<FollowedItem> follows) => follows.All(f => f.Kind == FollowKind.Theme)
        ? $"Please confirm that you would like {how} emails about new and changed case studies in these themes:"
        : $"Please confirm that you would like {how} emails about new, changed and removed case studies in:";

    // Themes by name alone when only themes are asked for; otherwise each line says what it is.
    private static List<string> Lines(IReadOnlyList<FollowedItem> follows) =>
        follows.All(f => f.Kind == FollowKind.Theme) ? [.. follows.Select(f => f.Name)] : [.. follows.Select(f => f.Kind == FollowKind.Theme ? $"Theme: {f.Name}" : f.Label)];

    private Task<IReadOnlyList<DeliveryResult>> SendAsync(string address, string subject, string text, string html, string category, CancellationToken cancellationToken)
    {
        var batch = new EmailBatch(_from, subject, html, text, [new EmailRecipient(new EmailAddress(address))])
        {
            Category = category,
        };
        return _transport.SendAsync(batch, cancellationToken);
    }
}
