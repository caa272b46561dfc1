namespace Pcc.Briefings.Reading;

/// <summary>How readers mark list items in block text, the way plain text writes them.</summary>
public static class ListItems
{
    /// <summary>The prefix of a list item's first line.</summary>
    public const string Bullet = "\u2022 ";

    /// <summary>The text without a leading bullet or list dash.</summary>
    public static string WithoutBullet(string text) =>
        HeadingShape.IsListItem(text) ? text.TrimStart()[1..].TrimStart() : text;
}
