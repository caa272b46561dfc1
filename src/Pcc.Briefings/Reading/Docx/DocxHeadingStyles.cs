using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcc.Briefings.Reading.Docx;

/// <summary>
/// Which paragraph styles are headings. Style ids are localised ("Heading1", "berschrift1"), so the style's
/// name, its outline level and the styles it is based on are all consulted.
/// </summary>
internal sealed class DocxHeadingStyles
{
    private readonly HashSet<string> _headingStyleIds;

    private DocxHeadingStyles(HashSet<string> headingStyleIds) => _headingStyleIds = headingStyleIds;

    public static DocxHeadingStyles From(Styles? styles)
    {
        var byId = styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, Style>(StringComparer.OrdinalIgnoreCase);

        var headings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in byId.Keys)
        {
            if (IsHeadingStyle(id, byId, depth: 0))
            {
                headings.Add(id);
            }
        }

        return new DocxHeadingStyles(headings);
    }

    public bool IsHeading(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } level && level < 9)
        {
            return true;
        }

        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        return styleId is not null && (_headingStyleIds.Contains(styleId) || LooksLikeHeadingName(styleId));
    }

    private static bool IsHeadingStyle(string id, Dictionary<string, Style> byId, int depth)
    {
        if (depth > 10 || !byId.TryGetValue(id, out var style))
        {
            return false;
        }

        if (LooksLikeHeadingName(style.StyleName?.Val?.Value ?? id)
            || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
        {
            return true;
        }

        return style.BasedOn?.Val?.Value is { } basedOn && IsHeadingStyle(basedOn, byId, depth + 1);
    }

    private static bool LooksLikeHeadingName(string name)
    {
        var normal = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return normal.StartsWith("heading", StringComparison.Ordinal) || normal is "title" || normal.StartsWith("berschrift", StringComparison.Ordinal);
    }
}
