namespace Pcc.Functions.Catalogue.Models;

/// <summary>A briefing with its versions, newest first, its uploads that could not be read and those held for review.</summary>
public sealed record BriefingView(string Slug, string Title, string BlobName, int CurrentVersion, IReadOnlyList<BriefingVersionView> Versions, IReadOnlyList<IngestAttemptView> Failures, IReadOnlyList<HeldVersionView> Held);
