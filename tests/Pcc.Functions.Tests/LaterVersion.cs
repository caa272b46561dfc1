using System.Text;
using System.Text.RegularExpressions;

namespace Pcc.Functions.Tests;

/// <summary>
/// A later version of the seed briefing written for these tests: a new case study inserted as number 3 (so the old
/// 3 and 4 become 4 and 5), the old case study 5 removed, and one figure in the old case study 3 edited.
/// </summary>
public static class LaterVersion
{
    public const string InsertedText =
        "Case study 3: The PCC in Devon and Cornwall funded a community hub in Plymouth where volunteers help families of people in custody find housing advice and emotional support.";

    public static byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public static string Text
    {
        get
        {
            var text = Seeds.BriefingText;
            text = Regex.Replace(text, @"Case study 5: In Cleveland the PCC commissioned research[\s\S]*?victimisation\.\s*", "");
            text = Regex.Replace(text, @"Case study ([34]):", m => $"Case study {int.Parse(m.Groups[1].Value) + 1}:");
            text = text.Replace("seen homicides fall 39 per cent", "seen homicides fall 41 per cent", StringComparison.Ordinal);
            const string endOfTwo = "so supporting families makes communities safer.";
            var at = text.IndexOf(endOfTwo, StringComparison.Ordinal) + endOfTwo.Length;
            return text[..at] + "\n\n" + InsertedText + "\n" + text[at..];
        }
    }
}
