using System.Globalization;
using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Reading order from the page's layout: columns, text across them, running headers, boxes.</summary>
public sealed class PageLayoutTests
{
    private static readonly string[] s_left = ["Case study 1: The PCC in Warwickshire set up", "a fund for initiatives in the community that", "aided the recovery from Covid-19 in Rugby."];
    private static readonly string[] s_right = ["Case study 2: The PCC in Sussex awarded a", "grant to Sussex Prisoners' Families from the", "Community Safety Fund during the pandemic."];

    [Fact]
    public void TwoColumnsAreReadOneAfterTheOtherWithTheTitleAcrossThemFirst()
    {
        var content = new StringBuilder("BT /F1 18 Tf 72 780 Td (Public Safety, Public Trust across the columns) Tj ET\n");
        Column(content, 72, 740, s_left);
        Column(content, 320, 740, s_right);

        var blocks = PdfReading.Text(MinimalPdf.OnePage(content.ToString(), MinimalPdf.Helvetica)).Blocks;

        Assert.Equal(["Public Safety, Public Trust across the columns", string.Join(' ', s_left), string.Join(' ', s_right)], blocks.Select(b => b.Text));
        Assert.Equal([null, 1, 2], blocks.Select(b => b.Location.Column));
        Assert.Equal("page 1, column 2, line 1", blocks[2].Location.ToString());
    }

    [Fact]
    public void ASingleColumnWithARightAlignedPageNumberIsReadAsBefore()
    {
        var content = new StringBuilder();
        Column(content, 72, 740, [.. s_left, .. s_right]);
        content.Append("BT /F1 10 Tf 520 30 Td (3) Tj ET\n");

        var lines = PdfReading.Lines(MinimalPdf.OnePage(content.ToString(), MinimalPdf.Helvetica));

        Assert.Equal([.. s_left, .. s_right, "3"], lines);
    }

    [Fact]
    public void TextInADrawnBoxIsSetApartAsAnAside()
    {
        var content = new StringBuilder();
        Column(content, 72, 740, s_left);
        // A shaded, framed box in the right-hand part of the page, its text on the same baselines as the column's.
        content.Append("0.9 0.9 0.95 rg 0 0 0 RG 330 690 200 64 re B\n");
        Column(content, 340, 740, ["Key facts", "41 Police and Crime Commissioners"]);
        Column(content, 72, 690, s_right);

        var blocks = PdfReading.Text(MinimalPdf.OnePage(content.ToString(), MinimalPdf.Helvetica)).Blocks;

        var aside = Assert.Single(blocks, b => b.Kind == BlockKind.Aside);
        Assert.Equal(["Key facts", "41 Police and Crime Commissioners"], aside.Lines);
        Assert.All(blocks.Where(b => b.Kind != BlockKind.Aside), b => Assert.DoesNotContain("Key facts", b.Text, StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Text == string.Join(' ', s_left));
    }

    [Fact]
    public void AFrameAroundTheWholeTextIsNotABox()
    {
        var content = new StringBuilder("0 0 0 RG 60 600 470 160 re S\n");
        Column(content, 72, 740, s_left);

        var blocks = PdfReading.Text(MinimalPdf.OnePage(content.ToString(), MinimalPdf.Helvetica)).Blocks;

        Assert.DoesNotContain(blocks, b => b.Kind == BlockKind.Aside);
    }

    private static void Column(StringBuilder content, double x, double top, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 10 Tf {x} {top - 12 * i} Td ({lines[i]}) Tj ET\n");
    }
}
