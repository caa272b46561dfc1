namespace Pcc.Briefings.Comparison;

/// <summary>A case study whose words (or theme) changed between two versions.</summary>
/// <param name="Before">The stored version.</param>
/// <param name="After">The new version, carrying the stored key.</param>
/// <param name="Diff">The word-level difference of their texts.</param>
/// <param name="Similarity">How much of the text the versions share, 0 to 1.</param>
public sealed record CaseStudyChange(CaseStudy Before, CaseStudy After, TextDiff Diff, double Similarity)
{
    /// <summary>True when the case study moved to another theme.</summary>
    public bool ThemeChanged => Before.ThemeSlug != After.ThemeSlug;

    /// <summary>The diff for people: changes marked in context, with the theme move first when there is one.</summary>
    public string Describe(int context = 8)
    {
        var text = Diff.HasChanges ? Diff.Render(context) : "";
        return ThemeChanged ? $"Theme: [-{Before.ThemeName}-]{{+{After.ThemeName}+}}. {text}".TrimEnd() : text;
    }
}
