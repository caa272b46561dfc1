using System.Text;

namespace Pcc.Notifications.Email;

/// <summary>Replaces a recipient's substitution keys in shared content, the way SendGrid substitution tags do.</summary>
internal static class Placeholders
{
    /// <summary>
    /// Replaces every key in one pass, longest key first at each position, so a value that happens to contain
    /// another key is never substituted again.
    /// </summary>
    public static string Apply(string text, IReadOnlyDictionary<string, string> substitutions)
    {
        if (substitutions.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var keys = substitutions.Keys.Where(k => k.Length > 0).OrderByDescending(k => k.Length).ToArray();
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var key = Array.Find(keys, k => string.CompareOrdinal(text, i, k, 0, k.Length) == 0);
            if (key is null)
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            result.Append(substitutions[key]);
            i += key.Length;
        }

        return result.ToString();
    }
}
