using Pcc.Briefings;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Reading;
using Pcc.Catalogue.Ingestion.Reports;

namespace Pcc.Catalogue.Ingestion;

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
        if (content.Length is > 0 and < MinDocumentBytes)
        {
            return Failed(target, currentVersion, "TooShort", $"The document is {content.Length} byte{(content.Length == 1 ? "" : "s")} long. Expected the text of a briefing.");
        }

        var parsed = parser.Parse(content, target.BlobName, limits, cancellationToken);
        if (!parsed.Success)
        {
            var failure = parsed.Failure!;
            return Failed(target, currentVersion, failure.Kind.ToString(), failure.Message, failure.Location);
        }

        var briefing = parsed.Value;
        if (briefing.CaseStudies.Count == 0 && baseline.Count == 0)
        {
            return Failed(target, currentVersion, "NoCaseStudies",
                "No case studies were found in the document. Expected numbered case studies under theme headings (see `pcc parse`).");
        }

        var comparison = CaseStudyComparer.Compare(baseline, briefing.CaseStudies);
        var current = comparison.Current;
        var themes = current.GroupBy(c => (c.ThemeSlug, c.ThemeName))
            .Select(g => new ReportTheme(g.Key.ThemeSlug, g.Key.ThemeName, g.Count()))
            .ToList();

        var hold = HoldReason(target, baseline.Count, current.Count, comparison.Removed.Count, currentVersion);
        var changed = comparison.Changed.Select(c => Graded(c, target.EditorialOnly)).ToList();
        IReadOnlyList<string> warnings = hold is null ? briefing.Warnings : [hold, .. briefing.Warnings];
        if (target.EditorialOnly && comparison.New.Count + comparison.Removed.Count > 0)
        {
            warnings = [.. warnings, $"This upload was marked as corrections only, but it adds {comparison.New.Count} and removes {comparison.Removed.Count} case studies: those are news, and subscribers hear of them."];
        }

        return Report(target, hold is null ? IngestStatus.Ingested : IngestStatus.Held) with
        {
            Format = FormatName(briefing.Format),
            Title = briefing.Title,
            Counts = new ReportCounts(current.Count, themes.Count, comparison.New.Count, comparison.Changed.Count, comparison.Removed.Count, comparison.Unchanged.Count,
                changed.Count(c => c.Grade == ChangeGrade.Editorial)),
            Themes = themes,
            CaseStudies = current.Select(ToReport).ToList(),
            New = comparison.New.Select(c => ToReport(c) with { AlsoIn = OtherOwner(catalogueOwners, c.Key, target.Slug) }).ToList(),
            Changed = changed,
            Removed = comparison.Removed.Select(ToReport).ToList(),
            Unchanged = comparison.Unchanged.Select(c => c.Key).ToList(),
            FootnoteMarksRemoved = briefing.FootnoteMarksRemoved,
            Warnings = warnings,
            CurrentVersion = hold is null ? target.Version : currentVersion,
        };
    }

    // The rule grades each change; an upload the editor marked as corrections only makes every change editorial, and the
    // report keeps what the rule said.
    private static ReportChange Graded(CaseStudyChange change, bool editorialOnly)
    {
        var grading = ChangeGrader.Grade(change);
        var (grade, reason) = editorialOnly && !grading.IsEditorial
            ? (ChangeGrade.Editorial, $"marked as corrections only by the editor (by the rule: substantive, {grading.Reason})")
            : (grading.Grade, grading.Reason);
        return new ReportChange(ToReport(change.Before), ToReport(change.After), change.Diff, grade, reason);
    }

    /// <summary>
    /// The failed report of a document longer than <see cref="ReaderLimits.MaxDocumentBytes"/>, from its length alone, so
    /// it is never downloaded; null when it is within the limit.
    /// </summary>
    public IngestionReport? TooLarge(IngestionTarget target, long length, int? currentVersion) =>
        !WithinSizeLimit(length)
            ? Failed(target, currentVersion, "TooLarge", $"The document is {length:N0} bytes. Expected at most {limits.MaxDocumentBytes:N0} bytes, so it was not read.")
            : null;

    /// <summary>Whether a document of <paramref name="length"/> bytes may be downloaded and read.</summary>
    public bool WithinSizeLimit(long length) => length <= limits.MaxDocumentBytes;

    /// <summary>The failed report of a version that was overwritten or deleted before it could be read.</summary>
    public static IngestionReport Replaced(IngestionTarget target, int? currentVersion) =>
        Failed(target, currentVersion, "Replaced", "This version of the document was overwritten or deleted before it could be read; a newer upload is ingested on its own.");

    /// <summary>Smaller documents are refused before reading: no briefing fits in so few bytes.</summary>
    public const int MinDocumentBytes = 16;

    /// <summary>
    /// Why a version that was read must wait for an editor: it would remove every case study of the briefing, or more
    /// than half of them. A document that lost its text to a reader problem must not empty the catalogue silently.
    /// </summary>
    private static string? HoldReason(IngestionTarget target, int before, int after, int removed, int? currentVersion)
    {
        if (before == 0 || removed * 2 <= before)
        {
            return null;
        }

        var what = after == 0 ? "has no case studies" : $"removes {removed} of the {before} case studies";
        return $"HELD FOR REVIEW: this version {what} of version {currentVersion}. It is not published and nothing is sent " +
            $"until an editor confirms it (`pcc confirm {target.Slug} {target.Version}`, or POST /api/briefings/{target.Slug}/versions/{target.Version}/confirm) " +
            "or uploads another version.";
    }

    private static IngestionReport Failed(IngestionTarget target, int? currentVersion, string kind, string message, string? location = null) =>
        Report(target, IngestStatus.Failed) with
        {
            Errors = [new ReportError(kind, location, message)],
            CurrentVersion = currentVersion,
        };

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
        ChangeNote = target.ChangeNote,
        EditorialOnly = target.EditorialOnly,
        DeploymentCheck = target.DeploymentCheck,
        GradingRule = ChangeGrader.Rule,
    };

    private static ReportCaseStudy ToReport(CaseStudy c) =>
        new(c.Key, c.Number, c.ThemeSlug, c.ThemeName, c.Title, c.Text, c.Location?.ToString());

    private static string? OtherOwner(IReadOnlyDictionary<string, string> owners, string key, string slug) =>
        owners.TryGetValue(key, out var owner) && owner != slug ? owner : null;
}
