using System.Text.Json;
using Pcc.Briefings.Identity;

namespace Pcc.Briefings.Themes;

/// <summary>
/// The editable list of themes (<c>seeds/themes.json</c>) and the matching of headings against it. Headings match
/// a theme's name or an alias ignoring case, punctuation, quote style and artefacts such as a leading "@", "@g@" or icon glyph.
/// </summary>
public sealed class ThemeTaxonomy
{
    /// <summary>The name of the embedded copy of <c>seeds/themes.json</c>.</summary>
    public const string ResourceName = "Pcc.Briefings.themes.json";

    private static readonly Lazy<ThemeTaxonomy> s_default = new(LoadEmbedded);
    private readonly Dictionary<string, Theme> _byPhrase = new(StringComparer.Ordinal);
    private readonly int _longestPhrase;

    /// <summary>Creates a taxonomy of <paramref name="themes"/>; slugs must be unique and well-formed.</summary>
    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        Themes = themes.ToArray();
        foreach (var theme in Themes)
        {
            if (!CaseStudyKey.IsValid(theme.Slug))
            {
                throw new ArgumentException($"Theme slug '{theme.Slug}' must be lower-case letters, digits and hyphens.", nameof(themes));
            }

            foreach (var phrase in new[] { theme.Name }.Concat(theme.Aliases).Select(TextNormalizer.Phrase))
            {
                // A heading without words matches no theme, so a name without words is not worth a key.
                if (phrase.Length > 0)
                {
                    _byPhrase.TryAdd(phrase, theme);
                    _longestPhrase = Math.Max(_longestPhrase, phrase.Length);
                }
            }
        }

        var duplicate = Themes.GroupBy(t => t.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Theme slug '{duplicate.Key}' appears more than once.", nameof(themes));
        }
    }

    /// <summary>The taxonomy shipped inside the library: the <c>seeds/themes.json</c> it was built with.</summary>
    public static ThemeTaxonomy Default => s_default.Value;

    /// <summary>The themes, in the order the file lists them.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>Reads a taxonomy from JSON shaped like <c>seeds/themes.json</c>.</summary>
    /// <exception cref="FormatException">The JSON is not a valid taxonomy.</exception>
    public static ThemeTaxonomy Load(Stream json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<ThemeFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip });
            var themes = (file?.Themes ?? throw new FormatException("The taxonomy has no 'themes' array."))
                .Select(t => new Theme(
                    t.Slug ?? throw new FormatException("A theme has no 'slug'."),
                    t.Name ?? throw new FormatException($"Theme '{t.Slug}' has no 'name'."),
                    t.Aliases ?? []) { Description = t.Description ?? "" });
            return new ThemeTaxonomy(themes);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new FormatException($"The theme taxonomy is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a taxonomy from a JSON file.</summary>
    public static ThemeTaxonomy LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>The theme with <paramref name="slug"/>, or null.</summary>
    public Theme? Find(string slug) => Themes.FirstOrDefault(t => t.Slug == slug);

    /// <summary>The theme a heading names, or null when the heading is not a theme.</summary>
    public Theme? Match(string heading) => PhraseLookup.TryGetValue(_byPhrase, _longestPhrase, HeadingText.Clean(heading), out var theme) ? theme : null;

    private static ThemeTaxonomy LoadEmbedded()
    {
        using var stream = typeof(ThemeTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded theme taxonomy '{ResourceName}' is missing.");
        return Load(stream);
    }

    private sealed record ThemeFile(IReadOnlyList<ThemeEntry>? Themes);

    private sealed record ThemeEntry(string? Slug, string? Name, IReadOnlyList<string>? Aliases, string? Description);
}
