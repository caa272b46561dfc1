using System.Text;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion.Reports;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Editor;

/// <summary>
/// <c>/editor/ingests/{slug}/{etag}</c>: what the system understood from one upload — counts, warnings, errors with
/// their locations, and the new, changed (with word-level diffs) and removed case studies.
/// </summary>
public static class IngestReportPage
{
    /// <summary>While the upload waits for the blob trigger, or its report is being written.</summary>
    public static WebPage Pending(string blobName, string path) => new($"Reading {blobName}", "An uploaded briefing being read.",
        $"<h1>Reading {Encode(blobName)}</h1><p role=\"status\">The briefing is uploaded and is being read. This usually takes a few seconds.</p>" +
        $"<p><a href=\"{Encode(path)}\">Refresh this page</a> to see the report.</p>", Private: true);

    /// <summary>The report.</summary>
    public static WebPage Render(IngestionEntity ingest, IngestionReport report)
    {
        var failed = report.Status == IngestionReport.Failed;
        var html = new StringBuilder("<h1>").Append(Encode(report.BlobName)).Append("</h1>")
            .Append("<p class=\"meta\">").Append(Time(report.IngestedAt)).Append(" · ").Append(Encode(report.Format ?? "unknown format"));
        if (!failed)
        {
            html.Append(" · version ").Append(report.Version).Append(" of <a href=\"/briefings/").Append(Segment(report.Slug)).Append("\">")
                .Append(Encode(report.Title ?? report.Slug)).Append("</a>");
        }

        html.Append("</p>");
        if (failed)
        {
            html.Append("<div role=\"alert\"><p><strong>This document could not be read.</strong> ")
                .Append(report.CurrentVersion is { } current ? $"Version {current} stays current." : "The catalogue is unchanged.").Append("</p><ul>");
            foreach (var e in report.Errors)
            {
                html.Append("<li>").Append(Encode(e.Message)).Append(e.Location is { } at ? $" <span class=\"meta\">({Encode(at)})</span>" : "").Append("</li>");
            }

            html.Append("</ul></div>");
        }
        else
        {
            var c = report.Counts;
            html.Append("<div class=\"table\"><table><caption class=\"sr\">Counts</caption><tbody>")
                .Append(Row("Case studies", c.CaseStudies)).Append(Row("Themes", c.Themes)).Append(Row("New", c.New))
                .Append(Row("Changed", c.Changed)).Append(Row("Removed", c.Removed)).Append(Row("Unchanged", c.Unchanged))
                .Append("</tbody></table></div>");
        }

        if (report.Warnings.Count > 0)
        {
            html.Append("<h2>Warnings</h2><ul>").Append(string.Concat(report.Warnings.Select(w => $"<li>{Encode(w)}</li>"))).Append("</ul>");
        }

        Section(html, "New case studies", report.New, c => c.AlsoIn is { } other ? $" <span class=\"meta\">(also in {Encode(other)})</span>" : "");
        if (report.Changed.Count > 0)
        {
            html.Append("<h2>Changed case studies</h2><ul class=\"items\">");
            foreach (var change in report.Changed)
            {
                html.Append("<li><h3>").Append(CaseStudyLink(change.After)).Append("</h3><p>").Append(DiffHtml(change.Diff)).Append("</p></li>");
            }

            html.Append("</ul>");
        }

        Section(html, "Removed case studies", report.Removed, _ => "");
        Section(html, "Every case study in this version", report.CaseStudies, _ => "");
        html.Append("<p><a href=\"/editor\">Back to the editor</a></p>");
        return new WebPage($"Report: {report.BlobName}", "What the catalogue took from an uploaded briefing.", html.ToString(), Private: true);
    }

    private static void Section(StringBuilder html, string heading, IReadOnlyList<ReportCaseStudy> caseStudies, Func<ReportCaseStudy, string> extra)
    {
        if (caseStudies.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(heading).Append(" (").Append(caseStudies.Count).Append(")</h2><ol>");
        foreach (var c in caseStudies)
        {
            html.Append("<li>").Append(CaseStudyLink(c)).Append(" <span class=\"meta\">").Append(Encode(c.Theme))
                .Append(c.Location is { } at ? $", {Encode(at)}" : "").Append("</span>").Append(extra(c)).Append("</li>");
        }

        html.Append("</ol>");
    }

    private static string CaseStudyLink(ReportCaseStudy c) =>
        $"<a href=\"/case-studies/{Segment(c.Key)}\">{(c.Number is { } n ? $"{n}. " : "")}{Encode(c.Title)}</a>";

    private static string Row(string label, int count) => $"<tr><th scope=\"row\">{label}</th><td>{count}</td></tr>";
}
