using Pcc.Briefings;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Reading;

namespace Pcc.Functions.Ingestion;

/// <summary>Reads a document and compares it with the briefing's current case studies, giving the report to apply.</summary>
public sealed class IngestionPlanner(BriefingParser parser, ReaderLimits limits)
{
    /// <summary>
    /// Plans an ingest. <paramref name="catalogueOwners"/> maps keys already in the catalogue to the briefing that has
    /// them, so a case study first seen in another briefing is reported as such.
    /// </summary>
    public IngestionReport Plan(
        IngestionTarget target,
        ReadOnlyMemory<byte> content,
        IReadOnlyList<CaseStudy> baseline,
        IReadOnlyDictionary<string, string> catalogueOwners,
        int? currentVersion,
        CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(content, target.BlobName, limits, cancellationToken);
        if (!parsed.Success)
        {
            var failure = parsed.Failure!;
            return Report(target, IngestionReport.Failed) with
            {
                Errors = [new ReportError(failure.Kind.ToString(), failure.Location, failure.Message)],
                CurrentVersion = currentVersion,
            };
        }

        var briefing = parsed.Value;
        var comparison = CaseStudyComparer.Compare(baseline, briefing.CaseStudies);
        var current = comparison.Current;
        var themes = current.GroupBy(c => (c.ThemeSlug, c.ThemeName))
            .Select(g => new ReportTheme(g.Key.ThemeSlug, g.Key.ThemeName, g.Count()))
            .ToList();

        return Report(target, IngestionReport.Ingested) with
        {
            Format = FormatName(briefing.Format),
            Title = briefing.Title,
            Counts = new ReportCounts(current.Count, themes.Count, comparison.New.Count, comparison.Changed.Count, comparison.Removed.Count, comparison.Unchanged.Count),
            Themes = themes,
            CaseStudies = current.Select(ToReport).ToList(),
            New = comparison.New.Select(c => ToReport(c) with { AlsoIn = OtherOwner(catalogueOwners, c.Key, target.Slug) }).ToList(),
            Changed = comparison.Changed.Select(c => new ReportChange(ToReport(c.Before), ToReport(c.After), c.Diff.Render())).ToList(),
            Removed = comparison.Removed.Select(ToReport).ToList(),
            Unchanged = comparison.Unchanged.Select(c => c.Key).ToList(),
            FootnoteMarksRemoved = briefing.FootnoteMarksRemoved,
            Warnings = briefing.Warnings,
            CurrentVersion = target.Version,
        };
    }

    /// <summary>The lower-case format name used in reports and the API.</summary>
    public static string FormatName(DocumentFormat format) => format.ToString().ToLowerInvariant();

    private static IngestionReport Report(IngestionTarget target, string status) => new()
    {
        BlobName = target.BlobName,
        Slug = target.Slug,
        Etag = target.Etag,
        Version = target.Version,
        IngestedAt = target.IngestedAt,
        Status = status,
    };

    private static ReportCaseStudy ToReport(CaseStudy c) =>
        new(c.Key, c.Number, c.ThemeSlug, c.ThemeName, c.Title, c.Text, c.Location?.ToString());

    private static string? OtherOwner(IReadOnlyDictionary<string, string> owners, string key, string slug) =>
        owners.TryGetValue(key, out var owner) && owner != slug ? owner : null;
}
