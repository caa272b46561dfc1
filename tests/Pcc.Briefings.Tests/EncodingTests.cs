using System.Text;

namespace Pcc.Briefings.Tests;

public class EncodingTests
{
    private static readonly Briefing s_utf8 = Seeds.Parse(Seeds.Briefing, Seeds.BriefingName);

    public static TheoryData<string> Encodings => ["utf-8-bom", "utf-16le", "utf-16be"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TheBriefingReadsTheSameInEveryUnicodeEncodingWithABom(string encodingName)
    {
        var text = Encoding.UTF8.GetString(Seeds.Briefing);
        var encoding = encodingName switch
        {
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => (Encoding)new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var briefing = Seeds.Parse(bytes, "briefing.txt");

        Assert.Equal(s_utf8.CaseStudies.Select(c => (c.Key, c.Text)), briefing.CaseStudies.Select(c => (c.Key, c.Text)));
    }

    [Fact]
    public void BytesThatAreNotUtf8AreReadAsWindows1252()
    {
        // "Case study 1: The PCC’s £2.50 fund – a “pilot”." in Windows-1252.
        var bytes = Encoding.Latin1.GetBytes("Tackling violence and exploitation\n\nCase study 1: The PCC\u0092s \u00A32.50 fund \u0096 a \u0093pilot\u0094 for caf\u00E9 owners.\n");

        var caseStudy = Assert.Single(Seeds.Parse(bytes, "legacy.txt").CaseStudies);

        Assert.Equal("The PCC’s £2.50 fund – a “pilot” for café owners.", caseStudy.Text);
    }
}
