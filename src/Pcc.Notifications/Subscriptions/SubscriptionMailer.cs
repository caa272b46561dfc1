using System.Net;
using Pcc.Notifications.Email;

namespace Pcc.Notifications.Subscriptions;

/// <summary>The two emails an unauthenticated subscribe request can cause: a confirmation, or "you are already subscribed".</summary>
public sealed class SubscriptionMailer
{
    /// <summary>The category of confirmation emails.</summary>
    public const string ConfirmationCategory = "subscription-confirmation";

    /// <summary>The category of "already subscribed" emails.</summary>
    public const string AlreadySubscribedCategory = "subscription-already-active";

    private readonly IEmailTransport _transport;
    private readonly SubscriptionOptions _options;
    private readonly EmailAddress _from;
    private readonly IReadOnlyDictionary<string, string> _themeNames;

    /// <summary>Creates the mailer: <paramref name="from"/> is the sender (the <c>Email</c> settings); <paramref name="themeNames"/> maps theme slugs to the names shown to people.</summary>
    public SubscriptionMailer(IEmailTransport transport, SubscriptionOptions options, EmailAddress from, IReadOnlyDictionary<string, string> themeNames)
    {
        _transport = transport;
        _options = options;
        _from = from;
        _themeNames = themeNames;
    }

    /// <summary>Asks the address to confirm the themes and frequency it requested.</summary>
    public Task<IReadOnlyList<DeliveryResult>> SendConfirmationAsync(
        string address, IReadOnlyList<string> themes, SubscriptionFrequency frequency, Uri confirmUrl, CancellationToken cancellationToken = default)
    {
        var names = themes.Select(t => _themeNames.GetValueOrDefault(t, t)).ToList();
        var days = (int)Math.Round(_options.ConfirmTokenLifetime.TotalDays);
        var how = SubscriptionNames.Of(frequency);
        var text =
            $"Please confirm that you would like {how} emails about new and changed case studies in these themes:\n\n"
            + string.Concat(names.Select(n => $"- {n}\n"))
            + $"\nConfirm your subscription:\n{confirmUrl.AbsoluteUri}\n\n"
            + $"The link works for {days} days. If you did not ask for this, ignore this email: you will not hear from us again.\n";
        var html =
            $"<p>Please confirm that you would like {E(how)} emails about new and changed case studies in these themes:</p>"
            + "<ul>" + string.Concat(names.Select(n => $"<li>{E(n)}</li>")) + "</ul>"
            + $"<p><a href=\"{E(confirmUrl.AbsoluteUri)}\">Confirm your subscription</a></p>"
            + $"<p>The link works for {days} days. If you did not ask for this, ignore this email: you will not hear from us again.</p>";
        return SendAsync(address, "Confirm your subscription", text, html, ConfirmationCategory, cancellationToken);
    }

    /// <summary>Tells an active subscriber that someone asked to subscribe them again, with their manage link.</summary>
    public Task<IReadOnlyList<DeliveryResult>> SendAlreadySubscribedAsync(string address, Uri manageUrl, CancellationToken cancellationToken = default)
    {
        const string Intro = "Someone, probably you, asked to subscribe this address, which is already subscribed. Nothing has changed.";
        const string Outro = "If it was not you, you can ignore this email.";
        var text = $"{Intro}\n\nTo change your themes or how often you hear from us:\n{manageUrl.AbsoluteUri}\n\n{Outro}\n";
        var html = $"<p>{E(Intro)}</p><p><a href=\"{E(manageUrl.AbsoluteUri)}\">Change your themes or how often you hear from us</a></p><p>{E(Outro)}</p>";
        return SendAsync(address, "You are already subscribed", text, html, AlreadySubscribedCategory, cancellationToken);
    }

    private Task<IReadOnlyList<DeliveryResult>> SendAsync(string address, string subject, string text, string html, string category, CancellationToken cancellationToken)
    {
        var batch = new EmailBatch(_from, subject, html, text, [new EmailRecipient(new EmailAddress(address))])
        {
            Category = category,
        };
        return _transport.SendAsync(batch, cancellationToken);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
