using System.Text;
using Pcc.Briefings.Themes;
using Pcc.Notifications.Subscriptions;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Subscribers;

/// <summary>
/// <c>/subscribe</c>: the form (email, themes with a line each, how often) and the page after it, which reads the same
/// whatever the state of the address, so it tells nobody whether an address is subscribed.
/// </summary>
public static class SubscribePage
{
    private const string Description = "Get an email when case studies of innovation in policing change in the themes you follow.";

    /// <summary>The form; with <paramref name="errors"/> (by field: email, themes, frequency) it says what to fix.</summary>
    public static WebPage Form(ThemeTaxonomy taxonomy, SubscribeForm values, IReadOnlyDictionary<string, string>? errors = null)
    {
        errors ??= new Dictionary<string, string>();
        var html = new StringBuilder("<h1>Subscribe</h1>")
            .Append("<p>We email you when case studies are added, changed or removed in the themes you choose. ")
            .Append("You confirm with a link we send first, and every email has a link to change your choices or stop.</p>");
        if (errors.Count > 0)
        {
            html.Append("<div role=\"alert\"><p><strong>Please correct the following:</strong></p><ul>");
            foreach (var (field, message) in errors)
            {
                html.Append("<li><a href=\"#").Append(field == "themes" ? "theme-0" : field == "frequency" ? "frequency-0" : "email").Append("\">")
                    .Append(Encode(message)).Append("</a></li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<form method=\"post\" action=\"/subscribe\"><div class=\"field\"><label for=\"email\">Email address</label>")
            .Append("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required maxlength=\"254\" value=\"").Append(Encode(values.Email)).Append('"')
            .Append(errors.ContainsKey("email") ? " aria-invalid=\"true\"" : "").Append("></div>")
            .Append("<fieldset><legend>Themes</legend>");
        var i = 0;
        foreach (var theme in taxonomy.Themes.Where(t => t.Listed))
        {
            var id = $"theme-{i++}";
            html.Append("<label class=\"choice\" for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"themes\" value=\"")
                .Append(Encode(theme.Slug)).Append('"').Append(values.Themes.Contains(theme.Slug) ? " checked" : "").Append("> ").Append(Encode(theme.Name));
            if (theme.Description.Length > 0)
            {
                html.Append("<small>").Append(Encode(theme.Description)).Append("</small>");
            }

            html.Append("</label>");
        }

        html.Append("</fieldset><fieldset><legend>How often</legend>");
        i = 0;
        foreach (var frequency in Enum.GetValues<SubscriptionFrequency>())
        {
            var id = $"frequency-{i++}";
            var value = SubscriptionNames.Of(frequency);
            html.Append("<label for=\"").Append(id).Append("\"><input type=\"radio\" id=\"").Append(id).Append("\" name=\"frequency\" value=\"").Append(Encode(value)).Append('"')
                .Append(values.Frequency == value ? " checked" : "").Append("> ").Append(FrequencyLabel(frequency)).Append("</label>");
        }

        html.Append("</fieldset><button type=\"submit\">Subscribe</button></form>");
        return new WebPage("Subscribe", Description, html.ToString(),
            Status: errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>After a valid request: the same words whether the address is new, pending, active or suppressed.</summary>
    public static WebPage CheckEmail(string address) => new("Check your email", Description,
        "<h1>Check your email</h1>" +
        $"<p>If <strong>{Encode(address)}</strong> can receive our emails, a message is on its way. " +
        "Open the link in it and press <em>Confirm</em> to start your subscription; until then we send nothing else.</p>" +
        "<p>Nothing arrived after a few minutes? Look in your spam folder, or <a href=\"/subscribe\">try again</a>.</p>",
        Private: true);

    /// <summary>When the address or this client has asked too often.</summary>
    public static WebPage TooMany() => new("Please wait", Description,
        "<h1>Please wait a moment</h1><p>There have been too many requests from here. Please try again in a minute.</p>",
        Status: StatusCodes.Status429TooManyRequests, Private: true);

    /// <summary>A form post from another site.</summary>
    public static WebPage Refused() => new("Not sent", Description,
        "<h1>Not sent</h1><p>This form can only be sent from this site. <a href=\"/subscribe\">Open the subscribe form</a>.</p>",
        Status: StatusCodes.Status403Forbidden, Private: true);

    /// <summary>How a frequency reads on a form.</summary>
    public static string FrequencyLabel(SubscriptionFrequency frequency) => frequency switch
    {
        SubscriptionFrequency.Immediate => "As soon as there is news",
        SubscriptionFrequency.Daily => "A daily digest",
        _ => "A weekly digest",
    };
}
