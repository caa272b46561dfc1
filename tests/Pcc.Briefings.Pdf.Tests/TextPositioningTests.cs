namespace Pcc.Briefings.Pdf.Tests;

/// <summary>How text operators place words and lines (ISO 32000-1 §9.4), read from hand-written content streams.</summary>
public sealed class TextPositioningTests
{
    [Fact]
    public void ALargeTjKerningAdjustmentIsASpace()
    {
        var pdf = MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td [(Case)-280(study)-300(1:)] TJ ET", MinimalPdf.Helvetica);

        Assert.Equal(["Case study 1:"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void ASmallTjKerningAdjustmentKeepsTheWordWhole()
    {
        var pdf = MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td [(W)80(a)15(rwickshire)] TJ ET", MinimalPdf.Helvetica);

        Assert.Equal(["Warwickshire"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void WordsPlacedOneByOneWithoutSpacesAreSeparated()
    {
        // Each word is moved to its own position, as some producers do for justified text.
        var pdf = MinimalPdf.OnePage(
            "BT /F1 10 Tf 72 700 Td (Restorative) Tj 58 0 Td (Gloucestershire) Tj 75 0 Td (works.) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["Restorative Gloucestershire works."], PdfReading.Lines(pdf));
    }

    [Fact]
    public void GlyphsPlacedOneByOneFormOneWord()
    {
        // Letters positioned individually at their advance widths (Helvetica: P 667, C 722) make a word, not letters.
        var pdf = MinimalPdf.OnePage(
            "BT /F1 10 Tf 1 0 0 1 72 700 Tm (P) Tj 1 0 0 1 78.67 700 Tm (C) Tj 1 0 0 1 85.89 700 Tm (C) Tj 1 0 0 1 92.9 700 Tm (s) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["PCCs"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void WidthsFromTheFontDictionaryAdvanceTheText()
    {
        // A font whose glyphs are 1000 units wide: "ab" ends 20 points along, so "cd" at 20 continues the word.
        var pdf = new MinimalPdf();
        var wide = "<< /Type /Font /Subtype /Type1 /BaseFont /Wide /Encoding /WinAnsiEncoding /FirstChar 97 /LastChar 100 /Widths [1000 1000 1000 1000] "
            + $"/FontDescriptor {MinimalPdf.Descriptor(pdf, "Wide")} >>";
        var content = pdf.AddStream("BT /F1 10 Tf 72 700 Td (ab) Tj 20 0 Td (cd) Tj 25 0 Td (ab) Tj ET");
        var bytes = pdf.WithPages([(content, MinimalPdf.Resources(pdf, wide))]);

        Assert.Equal(["abcd ab"], PdfReading.Lines(bytes));
    }

    [Fact]
    public void NextLineOperatorsStartNewLines()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F1 12 Tf 14 TL 72 700 Td (First line) Tj T* (Second line) Tj (Third line) ' 2 0 (Fourth line) \" ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["First line", "Second line", "Third line", "Fourth line"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void LinesAreReadTopToBottomWhateverTheOrderTheyWereDrawnIn()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F1 12 Tf 72 686 Td (second) Tj ET BT /F1 12 Tf 72 700 Td (first) Tj ET BT /F1 12 Tf 72 672 Td (third) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["first", "second", "third"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void TheTransformationMatrixScalesAndMovesText()
    {
        // Drawn in a y-down coordinate system at half scale, restored with Q before the second line.
        var pdf = MinimalPdf.OnePage(
            "q 0.5 0 0 -0.5 0 842 cm BT /F1 24 Tf 1 0 0 -1 144 284 Tm (Top line) Tj ET Q BT /F1 12 Tf 72 686 Td (Next line) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["Top line", "Next line"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void WordSpacingAndCharacterSpacingDoNotSplitWords()
    {
        var pdf = MinimalPdf.OnePage("BT /F1 12 Tf 3 Tc 8 Tw 120 Tz 72 700 Td (Violence Reduction Unit) Tj ET", MinimalPdf.Helvetica);

        Assert.Equal(["Violence Reduction Unit"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void AFootnoteMarkerRaisedWithTextRiseIsLeftOutAndCounted()
    {
        var pdf = MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td (backlog.) Tj /F1 7 Tf 4 Ts (12) Tj 0 Ts /F1 12 Tf ( Next) Tj ET", MinimalPdf.Helvetica);

        Assert.Equal(["backlog. Next"], PdfReading.Lines(pdf));
        Assert.Equal(1, PdfReading.Text(pdf).FootnoteMarksRemoved);
    }

    [Fact]
    public void RotatedTextSuchAsAWatermarkIsLeftOut()
    {
        var pdf = MinimalPdf.OnePage(
            "BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm (DRAFT) Tj ET BT /F1 12 Tf 72 700 Td (Body text) Tj ET",
            MinimalPdf.Helvetica);

        Assert.Equal(["Body text"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void OverprintedTextIsReadOnce()
    {
        // A fake bold: the same text drawn twice, a fraction of a point apart.
        var pdf = MinimalPdf.OnePage("BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET", MinimalPdf.Helvetica);

        Assert.Equal(["Bold"], PdfReading.Lines(pdf));
    }

    [Fact]
    public void TextInAFormXObjectIsRead()
    {
        var pdf = new MinimalPdf();
        var font = pdf.Add(MinimalPdf.Helvetica);
        var inner = pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Resources << /Font << /F9 {font} 0 R >> >>",
            "BT /F9 12 Tf 0 0 Td (From the inner form) Tj ET"u8.ToArray());
        // The outer form (object 3) draws the inner one and itself: a cycle, which must neither hang nor repeat text.
        var outer = pdf.AddStream(
            $"/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Matrix [1 0 0 1 72 600] /Resources << /XObject << /In {inner} 0 R /Out 3 0 R >> >>",
            "/In Do /Out Do"u8.ToArray());
        Assert.Equal(3, outer);
        var content = pdf.AddStream("BT /F9 12 Tf 72 700 Td (On the page) Tj ET /Fm1 Do");
        var bytes = pdf.WithPages([(content, $"<< /Font << /F9 {font} 0 R >> /XObject << /Fm1 {outer} 0 R >> >>")]);

        Assert.Equal(["On the page", "From the inner form"], PdfReading.Lines(bytes));
    }
}
