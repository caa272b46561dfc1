using System.Globalization;
using System.Text;
using System.Text.Json;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;

namespace Pcc.Notifications.Digests.Weekly;

/// <summary>Renders a <see cref="WeeklySummary"/> as HTML, plain text and JSON, and as an email to the editors' list.</summary>
public static class WeeklySummaryRenderer
{
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

    /// <summary>
    /// The summary as a self-contained HTML page (<see cref="WeeklySummaryEmail"/>), styles inlined; all catalogue text
    /// is HTML-escaped.
    /// </summary>
    public static Task<string> ToHtmlAsync(WeeklySummary summary, EmailHtmlRenderer html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(html);
        return html.RenderAsync<WeeklySummaryEmail>(new Dictionary<string, object?> { [nameof(WeeklySummaryEmail.Summary)] = summary }, cancellationToken);
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
    public static async Task<EmailBatch> CreateBatchAsync(
        WeeklySummary summary, IEnumerable<string> editors, EmailAddress from, EmailHtmlRenderer html, CancellationToken cancellationToken = default) =>
        new(from, Subject(summary), await ToHtmlAsync(summary, html, cancellationToken).ConfigureAwait(false), ToText(summary), [.. editors.Select(e => new EmailRecipient(new EmailAddress(e)))])
        {
            Category = "weekly-summary",
        };

    /// <summary>The highlights, one line each.</summary>
    internal static IEnumerable<string> Highlights(WeeklySummary summary)
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

    /// <summary>"Monday 23 Nov to Sunday 29 Nov 2026 (UK time)".</summary>
    internal static string Period(WeeklySummary summary)
    {
        var start = UkTime.ToLocal(summary.Start);
        var last = UkTime.ToLocal(summary.End).AddDays(-1);
        return $"Monday {start.ToString("d MMM", CultureInfo.InvariantCulture)} to Sunday {last.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (UK time)";
    }

    /// <summary>One briefing version ingested in the week.</summary>
    internal static string BriefingLine(WeeklyBriefing briefing) =>
        $"{briefing.Title} (version {briefing.Version}, {briefing.CaseStudies} case studies), ingested {UkTime.ToLocal(briefing.IngestedAt).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}";
}
