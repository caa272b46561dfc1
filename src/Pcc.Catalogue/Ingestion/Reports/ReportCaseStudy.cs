namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>A case study in a report.</summary>
public sealed record ReportCaseStudy(string Key, int? Number, string ThemeSlug, string Theme, string Title, string Text, string? Location)
{
    /// <summary>For a new case study already in the catalogue from another briefing: that briefing.</summary>
    public string? AlsoIn { get; init; }
}
