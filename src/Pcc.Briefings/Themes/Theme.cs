namespace Pcc.Briefings.Themes;

/// <summary>A theme of the catalogue: what subscribers follow and what a briefing's sections are about.</summary>
/// <param name="Slug">The permanent identifier: lower-case letters, digits and hyphens.</param>
/// <param name="Name">The display name, usually the briefing's section heading.</param>
/// <param name="Aliases">Other headings that mean the same theme (write-ups often shorten them).</param>
public sealed record Theme(string Slug, string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>True when the theme came from the taxonomy; false for a heading the taxonomy does not list.</summary>
    public bool Listed { get; init; } = true;

    /// <summary>One line for readers choosing what to follow; empty when the taxonomy gives none.</summary>
    public string Description { get; init; } = "";

    /// <summary>The theme for case studies that appear before any section heading.</summary>
    public static Theme Uncategorised { get; } = new("uncategorised", "Uncategorised", []) { Listed = false };
}
