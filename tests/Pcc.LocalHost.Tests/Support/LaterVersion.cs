using System.Text.RegularExpressions;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>
/// A later version of the seed briefing: a case study inserted as number 3 (the old 3 and 4 become 4 and 5), the old
/// case study 5 removed, and one figure in the old case study 3 edited (39 → 41 per cent).
/// </summary>
public static class LaterVersion
{
    public const string InsertedText =
        "Case study 3: The PCC in Devon and Cornwall funded a community hub in Plymouth where volunteers help families of people in custody find housing advice and emotional support.";

    public static string Apply(string text)
    {
        text = Regex.Replace(text, @"Case study 5: In Cleveland the PCC commissioned research[\s\S]*?victimisation\.\s*", "");
        text = Regex.Replace(text, @"Case study ([34]):", m => $"Case study {int.Parse(m.Groups[1].Value) + 1}:");
        text = text.Replace("seen homicides fall 39 per cent", "seen homicides fall 41 per cent", StringComparison.Ordinal);
        const string endOfTwo = "so supporting families makes communities safer.";
        var at = text.IndexOf(endOfTwo, StringComparison.Ordinal) + endOfTwo.Length;
        return text[..at] + "\n\n" + InsertedText + "\n" + text[at..];
    }
}
