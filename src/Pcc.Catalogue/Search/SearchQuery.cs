using System.Globalization;

namespace Pcc.Catalogue.Search;

/// <summary>What a reader searched for: words (ranked by how well they match, see <see cref="SearchIndex"/>), and optionally one theme and a date.</summary>
/// <param name="Text">The words as typed.</param>
/// <param name="Theme">A theme slug, or null for every theme.</param>
/// <param name="ChangedSince">Only case studies changed on or after this day (UTC), or null.</param>
public sealed record SearchQuery(string? Text, string? Theme = null, DateOnly? ChangedSince = null)
{
    /// <summary>The longest query read; the rest is ignored.</summary>
    public const int MaxLength = 200;

    /// <summary>The folded words typed (the index reads <see cref="Text"/> itself, stemmed and with synonyms).</summary>
    public IReadOnlyList<string> Words { get; } = FoldedText.Words(Text is { Length: > MaxLength } ? Text[..MaxLength] : Text);

    /// <summary>Whether there is anything to search for.</summary>
    public bool IsEmpty => Words.Count == 0 && Theme is null && ChangedSince is null;

    /// <summary>
    /// Reads the query string values <c>q</c>, <c>theme</c> and <c>changed-since</c> (<c>yyyy-MM-dd</c>); an empty
    /// value means no filter. Returns an error message for a date that cannot be read.
    /// </summary>
    public static SearchQuery Parse(string? q, string? theme, string? changedSince, out string? error)
    {
        error = null;
        DateOnly? since = null;
        if (!string.IsNullOrWhiteSpace(changedSince))
        {
            if (DateOnly.TryParseExact(changedSince.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                since = day;
            }
            else
            {
                error = "The date must look like 2026-11-23.";
            }
        }

        return new SearchQuery(q, string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), since);
    }
}
