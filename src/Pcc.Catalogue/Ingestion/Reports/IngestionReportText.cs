using System.Globalization;
using System.Text;
using Pcc.Briefings;
using Pcc.Briefings.Comparison;

namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>The short human-readable summary written beside each JSON ingest report.</summary>
public static class IngestionReportText
{
    /// <summary>Renders the summary.</summary>
    public static string Render(IngestionReport report)
    {
        var text = new StringBuilder();
        var at = report.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        text.AppendLine($"Ingest report: briefings/{report.BlobName} (ETag {report.Etag}, {at})");

        if (report.Status == IngestStatus.Failed)
        {
            text.AppendLine("FAILED: the document could not be read, so nothing in the catalogue changed.");
            foreach (var error in report.Errors)
            {
                text.AppendLine(error.Location is null ? $"- {error.Kind}: {error.Message}" : $"- {error.Kind} at {error.Location}: {error.Message}");
            }

            text.AppendLine(report.CurrentVersion is { } current
                ? $"Version {current} stays current."
                : "No earlier version of this briefing exists.");
            return text.ToString();
        }

        if (report.Status == IngestStatus.Held)
        {
            text.AppendLine(report.Warnings[0]);
            text.AppendLine($"Version {report.CurrentVersion} stays current until then. What this version would publish:");
        }

        var c = report.Counts;
        text.AppendLine($"Version {report.Version}: \"{report.Title}\" read as {report.Format}.");
        text.AppendLine($"{Quantity.CaseStudiesInThemes(c.CaseStudies, c.Themes)}: {c.New} new, {c.Changed} changed{(c.Editorial > 0 ? $" ({c.Editorial} editorial)" : "")}, {c.Removed} removed, {c.Unchanged} unchanged.");
        if (report.ChangeNote is { } note)
        {
            text.AppendLine($"Change note: {note}");
        }

        if (report.EditorialOnly)
        {
            text.AppendLine("Marked as corrections only: changed case studies are editorial.");
        }

        foreach (var theme in report.Themes)
        {
            text.AppendLine($"  {theme.Name}: {theme.CaseStudies}");
        }

        Section(text, "New", report.New.Select(n => Line(n) + (n.AlsoIn is null ? "" : $" (already in {n.AlsoIn})")));
        Section(text, "Changed", report.Changed.Select(ch => $"{Line(ch.After)}\n    {Grade(ch)}\n    {ch.Diff}"));
        Section(text, "Removed", report.Removed.Select(Line));
        if (report.FootnoteMarksRemoved > 0)
        {
            text.AppendLine($"{report.FootnoteMarksRemoved} footnote mark{(report.FootnoteMarksRemoved == 1 ? " was" : "s were")} removed from the text.");
        }

        Section(text, "Warnings", report.Warnings);
        if (report.Changed.Count > 0 && report.GradingRule is { } rule)
        {
            text.AppendLine($"How changes are graded: {rule}");
        }

        return text.ToString();
    }

    private static string Grade(ReportChange change) =>
        $"{(change.Grade == ChangeGrade.Editorial ? "Editorial" : "Substantive")}{(change.GradeReason is { } reason ? $": {reason}" : "")}";

    private static string Line(ReportCaseStudy c) =>
        $"{(c.Number is { } n ? $"#{n} " : "")}{c.Title} [{c.Theme}]{(c.Location is null ? "" : $" at {c.Location}")}";

    private static void Section(StringBuilder text, string heading, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine($"{heading}:");
        foreach (var line in list)
        {
            text.AppendLine($"- {line}");
        }
    }
}
