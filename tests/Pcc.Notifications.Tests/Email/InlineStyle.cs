using AngleSharp.Dom;

namespace Pcc.Notifications.Tests.Email;

/// <summary>An element's inline style as <c>name:value;</c> per declaration, so tests compare declarations, not the spacing a serializer chose.</summary>
internal static class InlineStyle
{
    public static string Of(IElement? element) => Compact(element?.GetAttribute("style") ?? "");

    public static string Compact(string style) => string.Concat(style.Split(';')
        .Select(d => d.Split(':', 2))
        .Where(parts => parts.Length == 2 && parts[0].Trim().Length > 0)
        .Select(parts => $"{parts[0].Trim()}:{parts[1].Trim()};"));
}
