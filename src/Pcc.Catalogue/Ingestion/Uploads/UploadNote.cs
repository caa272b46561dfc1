namespace Pcc.Catalogue.Ingestion.Uploads;

/// <summary>
/// What an editor says about an upload, carried in the blob's metadata so that every way of uploading can say it: the
/// editor page, <c>pcc upload --note … --editorial</c>, and Storage Explorer's metadata editor (<c>changenote</c>,
/// <c>editorial</c> = <c>true</c>). Metadata travels as HTTP headers, which hold ASCII only, so the note is stored
/// percent-encoded (UTF-8); a note typed by hand in plain ASCII reads back as typed.
/// </summary>
/// <param name="ChangeNote">Why this version was uploaded, in the editor's words; shown with its changes.</param>
/// <param name="EditorialOnly">The upload only corrects: its changed case studies are editorial.</param>
/// <param name="DeploymentCheck">
/// The upload checks a deployment (<c>pcc smoke</c>, metadata <c>deploymentcheck</c> = <c>true</c>): it is ingested,
/// shown and searchable like any other, but its changes never reach a digest or a weekly summary, and the check
/// removes it again (<c>DELETE /api/briefings/{slug}</c>).
/// </param>
public sealed record UploadNote(string? ChangeNote, bool EditorialOnly, bool DeploymentCheck = false)
{
    /// <summary>The metadata name of the change note.</summary>
    public const string ChangeNoteKey = "changenote";

    /// <summary>The metadata name of the corrections-only mark (<c>true</c>).</summary>
    public const string EditorialKey = "editorial";

    /// <summary>The metadata name of the deployment-check mark (<c>true</c>).</summary>
    public const string DeploymentCheckKey = "deploymentcheck";

    /// <summary>The longest change note kept; a longer one is cut at a word with "…".</summary>
    public const int MaxLength = 500;

    /// <summary>No note, not marked.</summary>
    public static UploadNote None { get; } = new(null, false);

    /// <summary>A note as an editor typed it: trimmed, whitespace collapsed, at most <see cref="MaxLength"/> characters.</summary>
    public static UploadNote Of(string? changeNote, bool editorialOnly) => new(Tidy(changeNote), editorialOnly);

    /// <summary>Reads the note of a blob's metadata (names compared without case, as the service does).</summary>
    public static UploadNote Read(IDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return None;
        }

        string? Value(string key) => metadata.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        bool Marked(string key) => string.Equals(Value(key)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var note = Value(ChangeNoteKey);
        return Of(note is null ? null : Decode(note), Marked(EditorialKey)) with { DeploymentCheck = Marked(DeploymentCheckKey) };
    }

    /// <summary>The metadata to upload with, empty when there is nothing to say.</summary>
    public IDictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ChangeNote is { Length: > 0 } note)
        {
            metadata[ChangeNoteKey] = Uri.EscapeDataString(note);
        }

        if (EditorialOnly)
        {
            metadata[EditorialKey] = "true";
        }

        if (DeploymentCheck)
        {
            metadata[DeploymentCheckKey] = "true";
        }

        return metadata;
    }

    // A stray '%' typed by hand is not an escape: UnescapeDataString leaves what it cannot decode as it is.
    private static string Decode(string value) => Uri.UnescapeDataString(value);

    private static string? Tidy(string? note)
    {
        var text = string.Join(' ', (note ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(c => !char.IsControl(c)).ToArray();
        var tidy = new string(text);
        if (tidy.Length <= MaxLength)
        {
            return tidy.Length == 0 ? null : tidy;
        }

        var cut = tidy.LastIndexOf(' ', MaxLength - 1);
        return tidy[..(cut > MaxLength / 2 ? cut : MaxLength - 1)] + "\u2026";
    }
}
