using PreMailer.Net;

namespace Pcc.Notifications.Email.Html;

/// <summary>
/// The email stylesheet (<c>email.css</c>, embedded in this assembly) and its inlining: PreMailer.Net moves each rule
/// into the <c>style</c> attribute of the elements it matches, because mail clients drop <c>&lt;style&gt;</c> blocks
/// and linked sheets. Class attributes go once their rules are inlined.
/// </summary>
internal static class EmailCss
{
    /// <summary>The manifest name of the embedded stylesheet.</summary>
    public const string ResourceName = "Pcc.Notifications.Email.Html.email.css";

    /// <summary>The stylesheet's text.</summary>
    public static string Stylesheet { get; } = Load();

    /// <summary><paramref name="html"/> with the stylesheet inlined.</summary>
    public static string Inline(string html) => Apply(html).Html;

    /// <summary>The inlined HTML with PreMailer's warnings (selectors it could not apply, for one).</summary>
    public static InlineResult Apply(string html) => PreMailer.Net.PreMailer.MoveCssInline(
        html,
        removeStyleElements: true,
        css: Stylesheet,
        stripIdAndClassAttributes: true,
        removeComments: true);

    private static string Load()
    {
        using var stream = typeof(EmailCss).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The email stylesheet {ResourceName} is not embedded in {typeof(EmailCss).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
