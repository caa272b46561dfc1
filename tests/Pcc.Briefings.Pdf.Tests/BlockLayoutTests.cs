using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Lines into headings and paragraphs, located by page and line.</summary>
public sealed class BlockLayoutTests
{
    [Fact]
    public void AShortBoldLineAtBodySizeIsAHeading()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F2 11 Tf 72 700 Td (Tackling violence and exploitation) Tj ET "
            + "BT /F1 11 Tf 72 680 Td (Overall levels of violent crimes have decreased over the past ten years.) Tj 0 -14 Td (However there have been worrying recent rises.) Tj ET",
            MinimalPdf.Helvetica, MinimalPdf.HelveticaBold);

        var blocks = PdfReading.Text(pdf).Blocks;

        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph], blocks.Select(b => b.Kind));
        Assert.Equal(["Tackling violence and exploitation"], blocks[0].Lines);
        Assert.Equal(2, blocks[1].Lines.Count);
    }

    [Fact]
    public void ALargerLineIsAHeadingEvenWhenNotBold()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F1 18 Tf 72 720 Td (Reducing the harm caused by drugs) Tj ET "
            + "BT /F1 11 Tf 72 690 Td (Tackling substance misuse is a crucial part of reducing crime.) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph], PdfReading.Text(pdf).Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void AWiderGapBetweenLinesStartsANewParagraphAndLinesStaySeparate()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F1 11 Tf 14 TL 72 700 Td (Running text of the theme that) Tj T* (wraps onto a second line.) Tj "
            + "0 -24 Td (Case study 4: St Giles Trust runs the SOS project) Tj T* (which supports young people.) Tj ET",
            MinimalPdf.Helvetica);

        var blocks = PdfReading.Text(pdf).Blocks;

        Assert.Equal(2, blocks.Count);
        Assert.Equal(["Running text of the theme that", "wraps onto a second line."], blocks[0].Lines);
        Assert.Equal(["Case study 4: St Giles Trust runs the SOS project", "which supports young people."], blocks[1].Lines);
        Assert.Equal(SourceLocation.OnPage(1, 1), blocks[0].Location);
        Assert.Equal(SourceLocation.OnPage(1, 3), blocks[1].Location);
    }

    [Fact]
    public void ABoldParagraphIsNotAHeading()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F2 11 Tf 14 TL 72 700 Td (Case study 5: In Cleveland the PCC commissioned research into the background,) Tj "
            + "T* (motivation and pathways of young people involved in serious violence, and the findings) Tj T* (informed new services.) Tj ET "
            + "BT /F1 11 Tf 14 TL 72 640 Td (Plain text follows here and is the body of the page, so the body type is not bold.) Tj "
            + "T* (It runs on for long enough to outweigh the bold paragraph above it on the page.) Tj "
            + "T* (A third line makes certain that most of the characters are set in the regular face.) Tj ET",
            MinimalPdf.Helvetica, MinimalPdf.HelveticaBold);

        var blocks = PdfReading.Text(pdf).Blocks;

        Assert.Equal([BlockKind.Paragraph, BlockKind.Paragraph], blocks.Select(b => b.Kind));
    }

    [Fact]
    public void EachPageNumbersItsOwnLines()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var resources = $"<< /Font << /F1 {font} 0 R >> >>";
        var first = pdf.AddStream("BT /F1 11 Tf 72 700 Td (Page one text.) Tj ET");
        var second = pdf.AddStream("BT /F1 11 Tf 14 TL 72 700 Td (Page two, line one.) Tj 0 -30 Td (Case study 6: page two, line two.) Tj ET");

        var blocks = PdfReading.Text(pdf.WithPages([(first, resources), (second, resources)])).Blocks;

        Assert.Equal(
            [SourceLocation.OnPage(1, 1), SourceLocation.OnPage(2, 1), SourceLocation.OnPage(2, 2)],
            blocks.Select(b => b.Location));
    }
}
