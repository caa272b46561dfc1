using System.Text.Json.Serialization;

namespace Pcc.Catalogue.Reading.Models;

/// <summary>
/// A briefing with its published versions, newest first, and how many of its uploads could not be read
/// (<paramref name="FailedUploads"/>) or are held for review (<paramref name="HeldVersions"/>). Only editors get those
/// uploads themselves (<paramref name="Failures"/>, <paramref name="Held"/>, null for anyone else): they were never published.
/// </summary>
public sealed record BriefingView(
    string Slug,
    string Title,
    string BlobName,
    int CurrentVersion,
    IReadOnlyList<BriefingVersionView> Versions,
    int FailedUploads,
    int HeldVersions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IngestAttemptView>? Failures,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HeldVersionView>? Held);
