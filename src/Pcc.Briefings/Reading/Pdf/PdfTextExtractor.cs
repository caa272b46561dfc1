using System.Runtime.InteropServices;
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
    private readonly Dictionary<string, bool> _boldFonts = [];
    private (string? Name, bool IsBold) _lastFont;

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
                var buffer = ReaderPools.Glyphs.Rent(page.Letters.Count);
                List<(PageRegion Region, List<TextLine> Lines)> regions;
                try
                {
                    var glyphs = new ArraySegment<TextGlyph>(buffer, 0, VisibleGlyphs(page, buffer));
                    if (IsImageOfText(page, glyphs))
                        imagePages.Add(CurrentPage);
                    regions = PageLayout.Read(glyphs, Boxes(page, glyphs), cancellationToken);
                }
                finally
                {
                    ReaderPools.Glyphs.Return(buffer, clearArray: true);
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
    /// The letters on the visible page in the page's main orientation, as glyphs in <paramref name="buffer"/>: a diagonal
    /// watermark and text drawn outside the crop box (a form drawn again through a cycle lands off the page) are not
    /// part of what a reader sees. Letters with no Unicode value are left out with a warning naming their font.
    /// </summary>
    private int VisibleGlyphs(Page page, TextGlyph[] buffer)
    {
        var letters = page.Letters;
        if (letters.Count == 0)
            return 0;
        var orientation = MainOrientation(letters);
        var box = page.CropBox.Bounds;
        Dictionary<string, int>? unmapped = null;
        var count = 0;
        foreach (var letter in letters)
        {
            var start = letter.StartBaseLine;
            if (letter.TextOrientation != orientation || start.X < box.Left - 1 || start.X > box.Right + 1 || start.Y < box.Bottom - 1 || start.Y > box.Top + 1)
                continue;
            if (HasText(letter.Value))
                buffer[count++] = ToGlyph(letter);
            else
                CollectionsMarshal.GetValueRefOrAddDefault(unmapped ??= [], letter.FontName ?? "", out _)++;
        }

        foreach (var (font, missing) in unmapped ?? [])
            _warnings.Add($"page {CurrentPage}: font {font}: {missing} character(s) have no Unicode mapping and were left out.");
        return count;
    }

    /// <summary>The orientation most letters are set in; of equal counts, the one met first.</summary>
    private static TextOrientation MainOrientation(IReadOnlyList<Letter> letters)
    {
        // PdfPig sets five orientations: counted in the order they are first met, without a dictionary per page.
        Span<TextOrientation> orientations = stackalloc TextOrientation[8];
        Span<int> counts = stackalloc int[8];
        var found = 0;
        foreach (var letter in letters)
        {
            var at = orientations[..found].IndexOf(letter.TextOrientation);
            if (at < 0)
            {
                if (found == orientations.Length)
                    return letters.CountBy(l => l.TextOrientation).MaxBy(c => c.Value).Key;
                (at, orientations[found]) = (found++, letter.TextOrientation);
            }

            counts[at]++;
        }

        var best = 0;
        for (var i = 1; i < found; i++)
        {
            if (counts[i] > counts[best])
                best = i;
        }

        return orientations[best];
    }

    private static bool HasText(string value)
    {
        foreach (var c in value)
        {
            if (c != '\uFFFD' && (!char.IsControl(c) || c is '\t' or '\n' or '\r'))
                return true;
        }

        return false;
    }

    private TextGlyph ToGlyph(Letter letter)
    {
        var start = letter.StartBaseLine;
        var width = letter.Width > 0 ? letter.Width : letter.EndBaseLine.X - start.X;
        return new TextGlyph(letter.Value, start.X, start.Y, width, letter.PointSize, IsBold(letter));
    }

    /// <summary>Whether a letter's font is bold, worked out once per font name: a page repeats a handful of fonts thousands of times.</summary>
    private bool IsBold(Letter letter)
    {
        if (letter.FontName is not { } name)
            return letter.FontDetails is { } details && (details.IsBold || details.Weight >= 600);
        // Letters in a run share their font's name string: the same instance needs no lookup.
        if (ReferenceEquals(name, _lastFont.Name))
            return _lastFont.IsBold;
        ref var bold = ref CollectionsMarshal.GetValueRefOrAddDefault(_boldFonts, name, out var known);
        if (!known)
            bold = letter.FontDetails is { } details && (details.IsBold || details.Weight >= 600) || IsBoldName(name);
        _lastFont = (name, bold);
        return bold;
    }

    private static bool IsBoldName(string name) =>
        name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || name.Contains("Semibold", StringComparison.OrdinalIgnoreCase);

    private ReadResult Failure(ReadFailureKind kind, string? location, string message) =>
        ReadResult.ForFailure(new ReadFailure(documentName, kind, location, message));
}
