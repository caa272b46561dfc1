using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Pcc.Notifications.Email;

namespace Pcc.Notifications.Digests.Weekly;

/// <summary>Renders a <see cref="WeeklySummary"/> as HTML, plain text and JSON, and as an email to the editors' list.</summary>
public static class WeeklySummaryRenderer
{
    private const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private const string Cell = "padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right;";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>"Week 48 of 2026: 2 briefings, 5 new, 3 changed, 1 removed".</summary>
    public static string Subject(WeeklySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var briefings = summary.Briefings.Count == 1 ? "1 briefing" : $"{summary.Briefings.Count} briefings";
        return $"Week {summary.Week} of {summary.Year}: {briefings}, {summary.New} new, {summary.Changed} changed, {summary.Removed} removed";
    }

    /// <summary>The summary as indented JSON (camelCase), for the stored blob and the HTTP API.</summary>
    public static string ToJson(WeeklySummary summary) => JsonSerializer.Serialize(summary, s_json);

    /// <summary>The summary as a self-contained HTML page with inline styles; all catalogue text is HTML-escaped.</summary>
    public static string ToHtml(WeeklySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(Subject(summary))).Append("</title></head><body style=\"margin:0;padding:16px 8px;background-color:#f3f4f6;\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;background-color:#ffffff;border-radius:6px;padding:24px;").Append(Font)
            .Append("font-size:16px;line-height:1.5;color:#1f2937;\">")
            .Append("<h1 style=\"margin:0 0 4px;font-size:22px;\">").Append(E($"Week {summary.Week} of {summary.Year}")).Append("</h1>")
            .Append("<p style=\"margin:0 0 16px;color:#555555;font-size:13px;\">").Append(E(Period(summary))).Append("</p>");

        html.Append("<h2 style=\"font-size:18px;margin:20px 0 8px;\">Highlights</h2><ul style=\"margin:0;padding-left:20px;\">");
        foreach (var line in Highlights(summary))
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ul>");
        if (summary.NewCaseStudies.Count > 0)
        {
            html.Append("<h2 style=\"font-size:18px;margin:20px 0 8px;\">New case studies</h2><ul style=\"margin:0;padding-left:20px;\">");
            foreach (var study in summary.NewCaseStudies)
            {
                html.Append("<li><a href=\"").Append(E(study.Url)).Append("\" style=\"color:#1a4f9c;\">").Append(E(study.Title)).Append("</a> <span style=\"color:#555555;font-size:13px;\">")
                    .Append(E($"{study.Theme} \u00b7 {study.Briefing}")).Append("</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2 style=\"font-size:18px;margin:20px 0 8px;\">Changes by theme</h2>")
            .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;font-size:14px;\">")
            .Append("<tr><th style=\"").Append(Cell).Append("text-align:left;\">Theme</th><th style=\"").Append(Cell).Append("\">New</th><th style=\"")
            .Append(Cell).Append("\">Changed</th><th style=\"").Append(Cell).Append("\">Removed</th></tr>");
        foreach (var theme in summary.Themes)
        {
            html.Append("<tr><td style=\"").Append(Cell).Append("text-align:left;\">").Append(E(theme.Theme)).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(theme.New).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(theme.Changed).Append("</td>")
                .Append("<td style=\"").Append(Cell).Append("\">").Append(theme.Removed).Append("</td></tr>");
        }

        html.Append("</table><h2 style=\"font-size:18px;margin:20px 0 8px;\">Briefings ingested</h2><ul style=\"margin:0;padding-left:20px;\">");
        foreach (var briefing in summary.Briefings)
        {
            html.Append("<li>").Append(E(BriefingLine(briefing))).Append("</li>");
        }

        return html.Append("</ul></div></body></html>").ToString();
    }

    /// <summary>The summary as plain text.</summary>
    public static string ToText(WeeklySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        text.AppendLine($"Week {summary.Week} of {summary.Year}").AppendLine(Period(summary)).AppendLine().AppendLine("HIGHLIGHTS");
        foreach (var line in Highlights(summary))
        {
            text.Append("- ").AppendLine(line);
        }

        if (summary.NewCaseStudies.Count > 0)
        {
            text.AppendLine().AppendLine("NEW CASE STUDIES");
            foreach (var study in summary.NewCaseStudies)
            {
                text.AppendLine($"- {study.Title} ({study.Theme} \u00b7 {study.Briefing}): {study.Url}");
            }
        }

        text.AppendLine().AppendLine("CHANGES BY THEME");
        foreach (var theme in summary.Themes)
        {
            text.AppendLine($"- {theme.Theme}: {theme.New} new, {theme.Changed} changed, {theme.Removed} removed");
        }

        text.AppendLine().AppendLine("BRIEFINGS INGESTED");
        foreach (var briefing in summary.Briefings)
        {
            text.Append("- ").AppendLine(BriefingLine(briefing));
        }

        return text.ToString();
    }

    /// <summary>The summary as one email to each editor.</summary>
    public static EmailBatch CreateBatch(WeeklySummary summary, IEnumerable<string> editors, EmailAddress from) =>
        new(from, Subject(summary), ToHtml(summary), ToText(summary), [.. editors.Select(e => new EmailRecipient(new EmailAddress(e)))])
        {
            Category = "weekly-summary",
        };

    private static IEnumerable<string> Highlights(WeeklySummary summary)
    {
        yield return $"{summary.Briefings.Count} briefing version(s) ingested; {summary.New} case studies added, {summary.Changed} changed, {summary.Removed} removed.";
        if (summary.MostChangedThemes.Count > 0)
        {
            yield return "Most changed: " + string.Join("; ", summary.MostChangedThemes.Select(t => $"{t.Theme} ({t.Total})")) + ".";
        }
        else
        {
            yield return "No case study changed this week.";
        }
    }

    private static string Period(WeeklySummary summary)
    {
        var start = UkTime.ToLocal(summary.Start);
        var last = UkTime.ToLocal(summary.End).AddDays(-1);
        return $"Monday {start.ToString("d MMM", CultureInfo.InvariantCulture)} to Sunday {last.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (UK time)";
    }

    private static string BriefingLine(WeeklyBriefing briefing) =>
        $"{briefing.Title} (version {briefing.Version}, {briefing.CaseStudies} case studies), ingested {UkTime.ToLocal(briefing.IngestedAt).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
