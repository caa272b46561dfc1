using System.Text;
using System.Text.RegularExpressions;

namespace Pcc.Testing.App;

/// <summary>The seed briefing ("Public Safety, Public Trust"), the news write-up of it, and edited versions.</summary>
public static class SeedBriefing
{
    public const string Name = "001_88da988782738298.txt";
    public const string WriteUpName = "000_175f4da499abf29a.txt";

    public static string Path => RepositoryRoot.Combine("seeds", Name);

    public static byte[] Bytes => File.ReadAllBytes(Path);

    public static string Text => File.ReadAllText(Path);

    public static byte[] WriteUp => File.ReadAllBytes(RepositoryRoot.Combine("seeds", WriteUpName));

    /// <summary>The Devon and Cornwall case study <see cref="LaterVersion"/> inserts.</summary>
    public const string InsertedText =
        "Case study 3: The PCC in Devon and Cornwall funded a community hub in Plymouth where volunteers help families of people in custody find housing advice and emotional support.";

    /// <summary>
    /// A later version: a case study inserted as number 3 (the old 3 and 4 become 4 and 5), the old case study 5
    /// (Cleveland) removed, and one figure in the old case study 3 edited (39 → 41 per cent): 1 new, 1 changed, 1 removed.
    /// </summary>
    public static byte[] LaterVersion => Edited(Later);

    /// <summary>A later version with only case study 3's homicide figure changed (39 → 41 per cent).</summary>
    public static byte[] FigureChanged => Edited(t => t.Replace("seen homicides fall 39 per cent", "seen homicides fall 41 per cent", StringComparison.Ordinal));

    /// <summary>
    /// Corrections to case study 3 (the Scottish Violence Reduction Unit) that leave what it says as it was: a comma
    /// added and "programmes" respelled "programs".
    /// </summary>
    public static string Corrected(string text) => text
        .Replace("social enterprises such as Street & Arrow", "social enterprises, such as Street & Arrow", StringComparison.Ordinal)
        .Replace("affected by violence to programmes, and", "affected by violence to programs, and", StringComparison.Ordinal);

    /// <summary>The seed's text with <paramref name="edit"/> applied.</summary>
    public static byte[] Edited(Func<string, string> edit) => Encoding.UTF8.GetBytes(edit(Text));

    /// <summary>Applies <see cref="LaterVersion"/>'s edits to a text of the seed.</summary>
    public static string Later(string text)
    {
        text = Regex.Replace(text, @"Case study 5: In Cleveland the PCC commissioned research[\s\S]*?victimisation\.\s*", "");
        text = Regex.Replace(text, @"Case study ([34]):", m => $"Case study {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}:");
        text = text.Replace("seen homicides fall 39 per cent", "seen homicides fall 41 per cent", StringComparison.Ordinal);
        const string endOfTwo = "so supporting families makes communities safer.";
        var at = text.IndexOf(endOfTwo, StringComparison.Ordinal) + endOfTwo.Length;
        return text[..at] + "\n\n" + InsertedText + "\n" + text[at..];
    }
}
