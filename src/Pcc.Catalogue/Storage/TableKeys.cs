namespace Pcc.Catalogue.Storage;

/// <summary>Checks a key taken from a request before it reaches storage, which answers 400 for keys it cannot hold.</summary>
public static class TableKeys
{
    /// <summary>The longest key the app ever writes is far shorter; storage allows 1 KiB (512 UTF-16 characters).</summary>
    public const int MaxLength = 512;

    /// <summary>Whether <paramref name="value"/> is made of a-z, 0-9 and <c>-</c> only and fits a key: the only keys the app writes.</summary>
    public static bool IsAppKey(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
