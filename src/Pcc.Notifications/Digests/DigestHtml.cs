using System.Net;
using System.Text;

namespace Pcc.Notifications.Digests;

/// <summary>
/// The HTML part of a digest: one column at most 600px wide, inline styles only (mail clients drop style sheets),
/// system fonts, no images, scripts or other external assets. Every piece of document or subscriber text goes
/// through <see cref="WebUtility.HtmlEncode(string)"/>; only the fixed markup here is written raw.
/// </summary>
internal static class DigestHtml
{
    private const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private const string Muted = "color:#555555;font-size:13px;";
    private const string Link = "color:#1a4f9c;";
    private const string Deleted = "background-color:#fde2e2;color:#8a1c1c;text-decoration:line-through;";
    private const string Inserted = "background-color:#dcf2e3;color:#14532d;text-decoration:none;font-weight:600;";

    public static string Render(DigestWindow window, DigestAudience audience, string subject, DigestOptions options)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background-color:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background-color:#ffffff;border-radius:6px;\"><tr>")
            .Append("<td style=\"padding:24px;").Append(Font).Append("font-size:16px;line-height:1.5;color:#1f2937;\">");

        html.Append("<h1 style=\"margin:0 0 4px;font-size:22px;line-height:1.3;\">").Append(E(DigestHeading.Title(window.Frequency))).Append("</h1>")
            .Append("<p style=\"margin:0 0 16px;").Append(Muted).Append("\">").Append(E(DigestHeading.Period(window))).Append("</p>");

        foreach (var section in audience.Sections)
        {
            html.Append("<h2 style=\"margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #1a4f9c;font-size:19px;line-height:1.3;\">")
                .Append(E(section.Theme)).Append("</h2>");
            foreach (var item in section.Items)
            {
                Item(html, item, options);
            }
        }

        Footer(html, audience);
        html.Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static void Item(StringBuilder html, DigestChange item, DigestOptions options)
    {
        var url = options.CaseStudyUrl(item.Key);
        html.Append("<div style=\"margin:0 0 20px;\">")
            .Append("<p style=\"margin:0;").Append(Muted).Append("text-transform:uppercase;letter-spacing:0.04em;\">")
            .Append(E(DigestHeading.KindLabel(item.Kind))).Append("</p>")
            .Append("<h3 style=\"margin:2px 0 4px;font-size:17px;line-height:1.35;\"><a href=\"").Append(E(url)).Append("\" style=\"").Append(Link).Append("\">")
            .Append(E(item.Title)).Append("</a></h3>")
            .Append("<p style=\"margin:0 0 8px;").Append(Muted).Append("\">").Append(E(DigestHeading.Details(item))).Append("</p>");

        switch (item.Kind)
        {
            case DigestChangeKind.New:
                html.Append("<p style=\"margin:0 0 8px;\">").Append(E(Summary.Of(item.Text, options.SummaryLength))).Append("</p>");
                break;
            case DigestChangeKind.Changed:
                Diff(html, item, options);
                break;
            default:
                html.Append("<p style=\"margin:0 0 8px;font-style:italic;\">").Append(E(DigestHeading.Removed(item))).Append("</p>");
                break;
        }

        html.Append("<p style=\"margin:0;\"><a href=\"").Append(E(url)).Append("\" style=\"").Append(Link).Append("\">Read the case study</a></p></div>");
    }

    private static void Diff(StringBuilder html, DigestChange item, DigestOptions options)
    {
        var (pieces, more) = DiffExcerpt.For(item, options.DiffContextWords, options.MaxChangesShown);
        html.Append("<p style=\"margin:0 0 8px;\">");
        var first = true;
        foreach (var piece in pieces.Where(p => p.Text.Length > 0))
        {
            html.Append(first ? "" : " ");
            first = false;
            _ = piece.Kind switch
            {
                DigestDiffPieceKind.Deleted => html.Append("<del style=\"").Append(Deleted).Append("\">").Append(E(piece.Text)).Append("</del>"),
                DigestDiffPieceKind.Inserted => html.Append("<ins style=\"").Append(Inserted).Append("\">").Append(E(piece.Text)).Append("</ins>"),
                _ => html.Append(E(piece.Text)),
            };
        }

        if (first)
        {
            html.Append("The wording changed.");
        }

        html.Append("</p>");
        if (more > 0)
        {
            html.Append("<p style=\"margin:0 0 8px;").Append(Muted).Append("\">")
                .Append(E(more == 1 ? "And 1 more change." : $"And {more} more changes.")).Append("</p>");
        }
    }

    private static void Footer(StringBuilder html, DigestAudience audience)
    {
        html.Append("<hr style=\"border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px;\">")
            .Append("<p style=\"margin:0 0 8px;").Append(Muted).Append("\">You get this email because you follow: ")
            .Append(E(string.Join(", ", audience.FollowedThemes))).Append(".</p>")
            .Append("<p style=\"margin:0;").Append(Muted).Append("\">")
            .Append("<a href=\"").Append(DigestPlaceholders.ManageUrl).Append("\" style=\"").Append(Link).Append("\">Manage your themes and frequency</a> \u00b7 ")
            .Append("<a href=\"").Append(DigestPlaceholders.UnsubscribeUrl).Append("\" style=\"").Append(Link).Append("\">Unsubscribe</a></p>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
