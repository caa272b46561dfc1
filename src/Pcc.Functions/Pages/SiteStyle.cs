using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pcc.Functions.Pages;

/// <summary>
/// The one stylesheet of every page, <c>Pages/site.css</c>, embedded in the assembly and served at
/// <c>/site.css</c> (<see cref="StylesheetFunction"/>). <see cref="PageLayout"/> links it with its
/// <see cref="Version"/> in the query, so a browser keeps it until the file changes, and pages need no inline style
/// under their content security policy (<see cref="WebPage"/>).
/// </summary>
public static partial class SiteStyle
{
    private static readonly Lazy<(string Css, string Version)> s_style = new(Load);

    /// <summary>The CSS, without its comments and line breaks.</summary>
    public static string Css => s_style.Value.Css;

    /// <summary>The first 16 hex digits of the CSS's SHA-256: changes whenever the stylesheet does.</summary>
    public static string Version => s_style.Value.Version;

    /// <summary>The stylesheet's address as pages link it: <c>/site.css?v={Version}</c>.</summary>
    public static string Path => $"/site.css?v={Version}";

    private static (string, string) Load()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("Pcc.Functions.Pages.site.css")
            ?? throw new InvalidOperationException("The stylesheet Pages/site.css is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var css = Comments().Replace(reader.ReadToEnd(), "").ReplaceLineEndings("").Trim();
        return (css, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16]);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
