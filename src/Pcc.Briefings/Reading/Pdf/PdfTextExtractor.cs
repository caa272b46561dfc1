using System.Buffers;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Walks an opened document page by page: PdfPig places and decodes every letter (fonts, encodings, ToUnicode maps);
/// the letters are laid out here in lines and blocks, with their size and weight telling headings from body text.
/// </summary>
internal sealed class PdfTextExtractor(PdfDocument document, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
{
    private readonly List<string> _warnings = [];

    /// <summary>The page being read, for failures raised from deep inside it.</summary>
    public int CurrentPage { get; private set; }

    public ReadResult Extract()
    {
        var pageCount = document.NumberOfPages;
        if (pageCount == 0)
            return Failure(ReadFailureKind.Empty, null, "The PDF has no pages.");
        if (pageCount > limits.MaxPages)
            return Failure(ReadFailureKind.TooLarge, "page tree", $"The PDF has {pageCount:N0} pages. Expected at most {limits.MaxPages:N0}.");

        var pages = new List<(int Page, List<(PageRegion Region, List<TextLine> Lines)> Regions)>();
        var unreadable = new List<string>();
        var imagePages = new List<int>();
        var marks = 0;
        for (var index = 0; index < pageCount; index++)
        {
            CurrentPage = index + 1;
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var page = document.GetPage(CurrentPage);
                var letters = VisibleLetters(page);
                var buffer = ArrayPool<TextGlyph>.Shared.Rent(letters.Count);
                List<(PageRegion Region, List<TextLine> Lines)> regions;
                try
                {
                    for (var i = 0; i < letters.Count; i++)
                        buffer[i] = ToGlyph(letters[i]);
                    var glyphs = new ArraySegment<TextGlyph>(buffer, 0, letters.Count);
                    if (IsImageOfText(page, glyphs))
                        imagePages.Add(CurrentPage);
                    regions = PageLayout.Read(glyphs, Boxes(page, glyphs), cancellationToken);
                }
                finally
                {
                    ArrayPool<TextGlyph>.Shared.Return(buffer, clearArray: true);
                }

                marks += regions.Sum(r => r.Lines.Sum(l => l.MarksRemoved));
                pages.Add((CurrentPage, regions));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unreadable.Add(ex.Message);
                _warnings.Add($"page {CurrentPage}: skipped, its content could not be read ({ex.Message.TrimEnd('.')}).");
            }
        }

        if (unreadable.Count == pageCount)
            return Failure(ReadFailureKind.Corrupt, "page 1", $"None of the PDF's {pageCount} pages could be read ({unreadable[0].TrimEnd('.')}).");

        var body = BodyStyle.Of(pages.SelectMany(p => p.Regions).SelectMany(r => r.Lines));
        var blocks = pages.SelectMany(p => Blocks(p.Page, p.Regions, body)).ToList();
        if (imagePages.Count > 0 && (blocks.Count == 0 || imagePages.Count * 2 > pages.Count))
        {
            return Failure(ReadFailureKind.NoTextLayer, $"page {imagePages[0]}",
                $"The PDF has no text layer: {Pages(imagePages, pages.Count)} only images of text, as a scan or a photographed page is, so there are no words to read. "
                + "Upload the document the PDF was made from (Word, HTML, Markdown or text), a PDF exported from it, or the scan after text recognition (OCR).");
        }

        if (blocks.Count == 0)
            return Failure(ReadFailureKind.Empty, null, "The PDF has no extractable text.");
        if (imagePages.Count > 0)
        {
            var which = Pages(imagePages, pages.Count);
            _warnings.Add($"{char.ToUpperInvariant(which[0])}{which[1..]} only images of text (a scan?): {(imagePages.Count == 1 ? "its" : "their")} words were not read.");
        }

        return ReadResult.ForValue(new DocumentText(documentName, DocumentFormat.Pdf, blocks, _warnings) { FootnoteMarksRemoved = marks });
    }

    /// <summary>A page mostly covered by images with fewer printed characters than this (a scanner's stamp, a running header) is an image of text.</summary>
    private const int ImagePageText = 200;

    private static bool IsImageOfText(Page page, ArraySegment<TextGlyph> glyphs)
    {
        if (page.NumberOfImages == 0 || glyphs.Count(g => !g.IsSpace) >= ImagePageText)
            return false;
        var area = page.CropBox.Bounds.Area;
        return area > 0 && page.GetImages().Sum(i => i.BoundingBox.Area) >= 0.5 * area;
    }

    private static string Pages(List<int> pages, int of) =>
        pages.Count == of ? (of == 1 ? "its one page is" : $"all {of} of its pages are") : $"page{(pages.Count == 1 ? "" : "s")} {string.Join(", ", pages)} {(pages.Count == 1 ? "is" : "are")}";

    /// <summary>
    /// A page's blocks, region by region: a column's or a row's lines make paragraphs and headings (numbered by line in
    /// their column, or in the page for text across it); a box's lines make one aside on its page, set apart from the running text.
    /// </summary>
    private static IEnumerable<DocumentBlock> Blocks(int page, List<(PageRegion Region, List<TextLine> Lines)> regions, BodyStyle body)
    {
        var nextLine = new Dictionary<int, int>();
        foreach (var (region, lines) in regions)
        {
            if (lines.Count == 0)
                continue;
            if (region.IsBox)
            {
                yield return new DocumentBlock(BlockKind.Aside, lines.Select(l => l.Text).ToList(), SourceLocation.OnPage(page));
                continue;
            }

            var key = region.Column ?? 0;
            var first = nextLine.GetValueOrDefault(key, 1);
            nextLine[key] = first + lines.Count;
            var start = SourceLocation.OnPage(page, first) with { Column = region.Column };

            foreach (var block in BlockBuilder.Build(lines, start, body))
                yield return block;
        }
    }

    /// <summary>
    /// Rectangles drawn around text that are narrower than most of the page's text: a sidebar's frame or shading, a
    /// pull quote's border. A white fill (a page's background) is not a box; a column rule is too thin to be one.
    /// </summary>
    private static List<PageBox> Boxes(Page page, ArraySegment<TextGlyph> glyphs)
    {
        if (page.Paths.Count == 0 || TextLineBuilder.DominantType.Of(glyphs) is not { Found: true, Size: var size })
            return [];
        double left = double.MaxValue, right = double.MinValue;
        var printed = 0;
        foreach (var glyph in glyphs.Where(g => !g.IsSpace))
            (left, right, printed) = (Math.Min(left, glyph.X), Math.Max(right, glyph.EndX), printed + 1);
        var width = right - left;
        var boxes = new List<(PageBox Box, double Area)>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked) || path.GetBoundingRectangle() is not { } r)
                continue;
            if (r.Width < 4 * size || r.Height < 1.5 * size || r.Width > 0.6 * width)
                continue;
            if (!path.IsStroked && path.FillColor is { } fill && fill.ToRGBValues() is var (red, green, blue) && Math.Min(red, Math.Min(green, blue)) > 0.99)
                continue;
            boxes.Add((new PageBox(r.Left, r.Bottom, r.Right, r.Top), r.Area));
        }

        // Largest first, so a box's text goes to its outer frame; a "box" holding most of the page is a frame around it.
        return boxes.OrderByDescending(b => b.Area).Select(b => b.Box)
            .Where(b => glyphs.Count(g => !g.IsSpace && b.Contains(g.X + g.Width / 2, g.Y + 0.3 * g.FontSize)) < 0.4 * printed)
            .ToList();
    }

    /// <summary>
    /// Letters on the visible page in the page's main orientation: a diagonal watermark and text drawn outside the crop
    /// box (a form drawn again through a cycle lands off the page) are not part of what a reader sees. Letters with no
    /// Unicode value are left out with a warning naming their font.
    /// </summary>
    private List<Letter> VisibleLetters(Page page)
    {
        var letters = page.Letters;
        if (letters.Count == 0)
            return [];
        var orientation = letters.GroupBy(l => l.TextOrientation).MaxBy(g => g.Count())!.Key;
        var box = page.CropBox.Bounds;
        var visible = letters.Where(l => l.TextOrientation == orientation
            && l.StartBaseLine.X >= box.Left - 1 && l.StartBaseLine.X <= box.Right + 1 && l.StartBaseLine.Y >= box.Bottom - 1 && l.StartBaseLine.Y <= box.Top + 1).ToList();
        foreach (var font in visible.Where(l => !HasText(l)).GroupBy(l => l.FontName))
            _warnings.Add($"page {CurrentPage}: font {font.Key}: {font.Count()} character(s) have no Unicode mapping and were left out.");
        visible.RemoveAll(l => !HasText(l));
        return visible;
    }

    private static bool HasText(Letter letter) =>
        letter.Value.Length > 0 && !letter.Value.All(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')));

    private static TextGlyph ToGlyph(Letter letter)
    {
        var start = letter.StartBaseLine;
        var width = letter.Width > 0 ? letter.Width : letter.EndBaseLine.X - start.X;
        return new TextGlyph(letter.Value, start.X, start.Y, width, letter.PointSize, IsBold(letter));
    }

    private static bool IsBold(Letter letter)
    {
        if (letter.FontDetails is { } details && (details.IsBold || details.Weight >= 600))
            return true;
        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || name.Contains("Semibold", StringComparison.OrdinalIgnoreCase);
    }

    private ReadResult Failure(ReadFailureKind kind, string? location, string message) =>
        ReadResult.ForFailure(new ReadFailure(documentName, kind, location, message));
}
