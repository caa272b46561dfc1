using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Pcc.Functions.Pages;

/// <summary>
/// The one stylesheet of every page, <c>Pages/site.css</c>, embedded in the assembly and inlined by
/// <see cref="PageLayout"/> so that a page is a single response that works offline and under a strict content security
/// policy (<see cref="WebPage"/>).
/// </summary>
public static partial class SiteStyle
{
    private static readonly Lazy<string> s_css = new(Load);

    /// <summary>The CSS, without its comments and line breaks.</summary>
    public static string Css => s_css.Value;

    /// <summary>
    /// The CSS as markup for the page's <c>&lt;style&gt;</c> element, whose content HTML does not escape. It is this
    /// app's own file, never text from a document or a request, and it is checked not to close the element.
    /// </summary>
    internal static MarkupString Markup => new(Css);

    private static string Load()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("Pcc.Functions.Pages.site.css")
            ?? throw new InvalidOperationException("The stylesheet Pages/site.css is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var css = Comments().Replace(reader.ReadToEnd(), "").ReplaceLineEndings("").Trim();
        return css.Contains("</", StringComparison.Ordinal) || css.Contains("<!--", StringComparison.Ordinal)
            ? throw new InvalidOperationException("Pages/site.css must not contain '</' or '<!--': it is inlined in a <style> element.")
            : css;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
