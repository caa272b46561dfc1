namespace Pcc.Briefings.Identity;

/// <summary>Keeps keys unique within a set by suffixing "-2", "-3", … to a key already taken.</summary>
public static class UniqueKeys
{
    /// <summary>Returns <paramref name="key"/>, or the first free suffixed form of it, and marks it as taken in <paramref name="used"/>.</summary>
    public static string Claim(string key, ISet<string> used)
    {
        var candidate = key;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{key}-{n}";
        }

        return candidate;
    }
}
