using System.Text;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Character codes to text through encodings, /Differences and ToUnicode maps (ISO 32000-1 §9.6.6, §9.10).</summary>
public sealed class FontDecodingTests
{
    [Fact]
    public void WinAnsiCodesAreDecoded()
    {
        var pdf = MinimalPdf.OnePage(@"BT /F1 12 Tf 72 700 Td (\223Caf\351\224 costs \2431 \226 \205) Tj ET", MinimalPdf.Helvetica);

        Assert.Equal(["“Café” costs £1 – …"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void MacRomanCodesAreDecoded()
    {
        const string font = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /MacRomanEncoding >>";
        var pdf = MinimalPdf.OnePage(@"BT /F1 12 Tf 72 700 Td (\322Caf\216\323 \320 \243) Tj ET", font);

        Assert.Equal(["“Café” – £"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void AType1FontWithoutAnEncodingUsesStandardEncoding()
    {
        const string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>";
        var pdf = MinimalPdf.OnePage(@"BT /F1 12 Tf 72 700 Td (`It's' \252fine\272 \261 \256ne) Tj ET", font);

        Assert.Equal(["‘It’s’ “fine” – fine"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void DifferencesRenameCodesByGlyphName()
    {
        const string font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Minion "
            + "/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /quoteleft /quoteright /endash /fi /sterling 65 /wcircumflex /uni2192 /bullet] >> >>";
        var pdf = MinimalPdf.OnePage(@"BT /F1 12 Tf 72 700 Td (\001Gwyl\002 \003 \004ve \005 BAC) Tj ET", font);

        Assert.Equal(["‘Gwyl’ – five £ →ŵ•"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void ToUnicodeMapsTakePrecedenceOverTheEncoding()
    {
        var pdf = new MinimalPdf();
        var cmap = pdf.AddStream(CMap("1 begincodespacerange <00> <FF> endcodespacerange",
            "2 beginbfchar <41> <2018> <42> <0066 0069> endbfchar",
            "2 beginbfrange <61> <63> <0078> <64> <65> [<00A3> <2013>] endbfrange"));
        var font = $"<< /Type /Font /Subtype /TrueType /BaseFont /BAAAAA+Liberation /Encoding /WinAnsiEncoding {MinimalPdf.Widths} /FontDescriptor {MinimalPdf.Descriptor(pdf, "BAAAAA+Liberation")} /ToUnicode {cmap} 0 R >>";
        var content = pdf.AddStream("BT /F1 12 Tf 72 700 Td (ABabcde) Tj ET");

        Assert.Equal(["‘fixyz£–"], PdfReading.Lines(pdf.WithPages([(content, MinimalPdf.Resources(pdf, font))])));
    }

    [Fact]
    public void CompositeIdentityFontsReadTwoByteCodesThroughToUnicode()
    {
        var pdf = new MinimalPdf();
        var cmap = pdf.AddCompressedStream("", Encoding.ASCII.GetBytes(CMap(
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            "1 beginbfrange <0010> <0014> <0043> endbfrange",
            "3 beginbfchar <0003> <0020> <0020> <00A3> <0021> <201C> endbfchar")));
        var descendant = pdf.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CAAAAA+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + "/DW 1000 /W [3 [226] 16 20 500] /FontDescriptor " + MinimalPdf.Descriptor(pdf, "CAAAAA+Calibri") + " >>");
        var font = $"<< /Type /Font /Subtype /Type0 /BaseFont /CAAAAA+Calibri /Encoding /Identity-H /DescendantFonts [{descendant} 0 R] /ToUnicode {cmap} 0 R >>";
        // "CDE", a space glyph (226 wide), "£" and "“" (default width 1000) end at 37.26; "FG" is placed 2.74 further on.
        var content = pdf.AddStream("BT /F1 10 Tf 72 700 Td <001000110012000300200021> Tj 40 0 Td <00130014> Tj ET");

        Assert.Equal(["CDE £“ FG"], PdfReading.Lines(pdf.WithPages([(content, MinimalPdf.Resources(pdf, font))])));
    }

    [Fact]
    public void LigaturesAndOddSpacesAreNormalised()
    {
        var pdf = new MinimalPdf();
        var cmap = pdf.AddStream(CMap("1 begincodespacerange <00> <FF> endcodespacerange",
            "4 beginbfchar <01> <FB01> <02> <FB02> <03> <00A0> <04> <2009> endbfchar"));
        var font = $"<< /Type /Font /Subtype /TrueType /BaseFont /Serif {MinimalPdf.Widths} /FontDescriptor {MinimalPdf.Descriptor(pdf, "Serif")} /ToUnicode {cmap} 0 R >>";
        var content = pdf.AddStream(@"BT /F1 12 Tf 72 700 Td (\001nal\003\003of\002ine\004now) Tj ET");

        Assert.Equal(["final offline now"], PdfReading.Lines(pdf.WithPages([(content, MinimalPdf.Resources(pdf, font))])));
    }

    [Fact]
    public void APageUsingAFontMissingFromItsResourcesIsSkippedWithAWarningNamingThePage()
    {
        // PdfPig reads a page whole or not at all: the other pages are still read.
        var pdf = new MinimalPdf();
        var resources = MinimalPdf.Resources(pdf, MinimalPdf.Helvetica);
        var shown = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Shown) Tj ET");
        var broken = pdf.AddStream("BT /F1 12 Tf 72 700 Td (Shown) Tj /F7 12 Tf 0 -14 Td (Lost) Tj ET");

        var text = PdfReading.Text(pdf.WithPages([(shown, resources), (broken, resources)]));

        Assert.Equal(["Shown"], text.Blocks.SelectMany(b => b.Lines));
        Assert.Single(text.Warnings, w => w.StartsWith("page 2: skipped", StringComparison.Ordinal) && w.Contains("F7", StringComparison.Ordinal));
    }

    private static string CMap(params string[] sections) =>
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        + string.Join("\n", sections)
        + "\nendcmap CMapName currentdict /CMap defineresource pop end end";
}
