using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Notifications.Subscriptions;
using static Pcc.Functions.Subscriptions.HtmlPage;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The page a manage link opens in a browser: a form of the listed themes and the frequencies that posts back to the
/// same URL (no action attribute, so the token never appears in the page), and a link to unsubscribe.
/// </summary>
public static class ManagePage
{
    private const string Title = "Your subscription";

    /// <summary>The form with the subscriber's current settings.</summary>
    public static HtmlPage Show(Subscriber subscriber, ThemeTaxonomy taxonomy, Uri unsubscribeUrl) =>
        Page(subscriber, taxonomy, subscriber.Themes, subscriber.Frequency, unsubscribeUrl, "");

    /// <summary>The form after a successful save.</summary>
    public static HtmlPage Saved(Subscriber subscriber, ThemeTaxonomy taxonomy, Uri unsubscribeUrl) =>
        Page(subscriber, taxonomy, subscriber.Themes, subscriber.Frequency, unsubscribeUrl,
            "<p role=\"status\"><strong>Saved.</strong> Your choices below are now in place.</p>");

    /// <summary>
    /// The form again with what was posted (only listed themes and a valid frequency are ticked) and a message per
    /// field in <paramref name="invalidFields"/> (<c>themes</c>, <c>frequency</c>); nothing has changed.
    /// </summary>
    public static HtmlPage Invalid(Subscriber subscriber, ThemeTaxonomy taxonomy, IReadOnlyList<string?> postedThemes, string? postedFrequency,
        IEnumerable<string> invalidFields, Uri unsubscribeUrl)
    {
        var messages = invalidFields.Select(field => field switch
        {
            "themes" when postedThemes.Count == 0 => "Choose at least one theme.",
            "themes" => "Choose themes from the list only.",
            _ => "Choose how often we email you.",
        });
        var errors = $"<div role=\"alert\"><p><strong>Nothing was changed.</strong></p><ul>{string.Concat(messages.Select(m => $"<li>{Encode(m)}</li>"))}</ul></div>";
        SubscriptionFrequency? frequency = SubscriptionNames.TryParseFrequency(postedFrequency, out var parsed) ? parsed : null;
        var themes = postedThemes.OfType<string>().Select(t => t.Trim()).ToList();
        return Page(subscriber, taxonomy, themes, frequency, unsubscribeUrl, errors, StatusCodes.Status400BadRequest);
    }

    /// <summary>For a manage link of a subscription that is not active (pending confirmation, unsubscribed or suppressed).</summary>
    public static HtmlPage NotActive(Subscriber subscriber) => new(Title,
        $"<p>Emails to <strong>{Encode(subscriber.Address)}</strong> are not active, so there is nothing to change here. " +
        "You can subscribe again at any time.</p>");

    private static HtmlPage Page(Subscriber subscriber, ThemeTaxonomy taxonomy, IReadOnlyList<string> themes, SubscriptionFrequency? frequency,
        Uri unsubscribeUrl, string messageHtml, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append($"<p>Emails go to <strong>{Encode(subscriber.Address)}</strong>.</p>")
            .Append(messageHtml)
            .Append("<form method=\"post\"><fieldset><legend>Themes you follow</legend>");
        foreach (var theme in taxonomy.Themes.Where(t => t.Listed))
        {
            html.Append(Choice("checkbox", "themes", theme.Slug, theme.Name, themes.Contains(theme.Slug, StringComparer.Ordinal)));
        }

        html.Append("</fieldset><fieldset><legend>How often</legend>");
        foreach (var option in Enum.GetValues<SubscriptionFrequency>())
        {
            html.Append(Choice("radio", "frequency", SubscriptionNames.Of(option), Label(option), option == frequency));
        }

        return new HtmlPage(Title, html
            .Append("</fieldset><button type=\"submit\">Save</button></form>")
            .Append($"<p>Or <a href=\"{Encode(unsubscribeUrl.AbsoluteUri)}\">unsubscribe</a> to stop all emails.</p>")
            .ToString(), statusCode);
    }

    private static string Choice(string type, string name, string value, string label, bool selected) =>
        $"<label><input type=\"{type}\" name=\"{name}\" value=\"{Encode(value)}\"{(selected ? " checked" : "")}> {Encode(label)}</label>";

    private static string Label(SubscriptionFrequency frequency) => frequency switch
    {
        SubscriptionFrequency.Immediate => "As soon as there is news",
        SubscriptionFrequency.Daily => "A daily digest",
        _ => "A weekly digest",
    };
}
