namespace Pcc.Functions.Catalogue.Models;

/// <summary>A briefing with its versions, newest first, and its uploads that could not be read.</summary>
public sealed record BriefingView(string Slug, string Title, string BlobName, int CurrentVersion, IReadOnlyList<BriefingVersionView> Versions, IReadOnlyList<IngestAttemptView> Failures);
