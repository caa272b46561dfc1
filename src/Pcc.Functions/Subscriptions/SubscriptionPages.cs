using Pcc.Briefings.Themes;
using Pcc.Notifications.Subscriptions;
using static Pcc.Functions.Subscriptions.HtmlPage;

namespace Pcc.Functions.Subscriptions;

/// <summary>The pages people reach from subscription emails. Every piece of text is HTML-encoded.</summary>
public static class SubscriptionPages
{
    /// <summary>After a confirmation link: what they will receive, and their manage link.</summary>
    public static HtmlPage Confirmed(Subscriber subscriber, ThemeTaxonomy taxonomy, Uri manageUrl)
    {
        var themes = subscriber.Themes.Select(t => $"<li>{Encode(taxonomy.Find(t)?.Name ?? t)}</li>");
        return new HtmlPage("You are subscribed",
            $"<p>We will email <strong>{Encode(subscriber.Address)}</strong> ({Encode(SubscriptionNames.Of(subscriber.Frequency))}) " +
            $"about new and changed case studies in:</p><ul>{string.Concat(themes)}</ul>" +
            $"<p><a href=\"{Encode(manageUrl.AbsoluteUri)}\">Manage your subscription</a>. Keep this link to yourself: it works for anyone who has it.</p>" +
            "<p>Every email we send has a link to unsubscribe.</p>");
    }

    /// <summary>
    /// The confirmation link's page reached with GET: a button that POSTs to the same address. Opening the link changes
    /// nothing, so a mail scanner that follows it cannot confirm someone else's request.
    /// </summary>
    public static HtmlPage ConfirmSubscription(Subscriber subscriber) => new("Confirm your subscription",
        $"<p>Start emails to <strong>{Encode(subscriber.Address)}</strong> about new and changed case studies?</p>" +
        // No action attribute: the form posts back to this very URL, token included.
        "<form method=\"post\"><button type=\"submit\">Confirm</button></form>" +
        "<p>If you did not ask for this, ignore this page and the email: nothing will be sent.</p>");

    /// <summary>For any link that is not genuine, has expired or has been replaced.</summary>
    public static HtmlPage InvalidLink() => new("This link does not work",
        "<p>It may have expired, been replaced by a newer one, or been copied incompletely. " +
        "Please use the link in the most recent email from us, or <a href=\"/subscribe\">subscribe again</a>.</p>",
        StatusCodes.Status400BadRequest);

    /// <summary>The unsubscribe page reached with GET: a button that POSTs to the same address.</summary>
    public static HtmlPage ConfirmUnsubscribe(Subscriber subscriber) => subscriber.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Suppressed
        ? Unsubscribed(subscriber)
        : new HtmlPage("Unsubscribe?",
            $"<p>Stop emails to <strong>{Encode(subscriber.Address)}</strong>?</p>" +
            // No action attribute: the form posts back to this very URL, token included.
            "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");

    /// <summary>After unsubscribing.</summary>
    public static HtmlPage Unsubscribed(Subscriber subscriber) => new("You are unsubscribed",
        // The address is deleted on unsubscribing, so the page cannot (and need not) name it.
        "<p>We will not email this address again; we have deleted it and keep only a keyed code that cannot be turned back into it. " +
        "If you change your mind, you can <a href=\"/subscribe\">subscribe again</a> at any time.</p>" +
        "<p><a href=\"/\">Browse the case studies</a></p>");
}
