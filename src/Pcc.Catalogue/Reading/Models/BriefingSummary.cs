namespace Pcc.Catalogue.Reading.Models;

/// <summary>A briefing and its current version.</summary>
public sealed record BriefingSummary(string Slug, string Title, string BlobName, int CurrentVersion, string Format, int CaseStudies, DateTimeOffset UpdatedAt);
