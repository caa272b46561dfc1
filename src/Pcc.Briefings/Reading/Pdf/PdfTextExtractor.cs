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

        var pages = new List<(int Page, List<TextLine> Lines)>();
        var unreadable = new List<string>();
        var images = 0;
        var marks = 0;
        for (var index = 0; index < pageCount; index++)
        {
            CurrentPage = index + 1;
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var page = document.GetPage(CurrentPage);
                images += page.NumberOfImages;
                var lines = TextLineBuilder.Build(VisibleLetters(page).Select(ToGlyph).ToList(), cancellationToken);
                marks += lines.Sum(l => l.MarksRemoved);
                pages.Add((CurrentPage, lines));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unreadable.Add(ex.Message);
                _warnings.Add($"page {CurrentPage}: skipped, its content could not be read ({ex.Message.TrimEnd('.')}).");
            }
        }

        if (unreadable.Count == pageCount)
            return Failure(ReadFailureKind.Corrupt, "page 1", $"None of the PDF's {pageCount} pages could be read ({unreadable[0].TrimEnd('.')}).");

        var body = BodyStyle.Of(pages.SelectMany(p => p.Lines));
        var blocks = pages.SelectMany(p => BlockBuilder.Build(p.Lines, p.Page, body)).ToList();
        if (blocks.Count == 0)
        {
            var scanned = images > 0 ? $" It holds {images} image(s) and may be a scan: run it through text recognition (OCR) first." : "";
            return Failure(ReadFailureKind.Empty, null, "The PDF has no extractable text; it may be scanned images." + scanned);
        }

        return ReadResult.ForValue(new DocumentText(documentName, DocumentFormat.Pdf, blocks, _warnings) { FootnoteMarksRemoved = marks });
    }

    /// <summary>
    /// Letters on the visible page in the page's main orientation: a diagonal watermark and text drawn outside the crop
    /// box (a form drawn again through a cycle lands off the page) are not part of what a reader sees. Letters with no
    /// Unicode value are left out with a warning naming their font.
    /// </summary>
    private IEnumerable<Letter> VisibleLetters(Page page)
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
        return visible.Where(HasText);
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
