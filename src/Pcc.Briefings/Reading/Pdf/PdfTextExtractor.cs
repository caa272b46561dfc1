using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Walks an opened document page by page and lays its text out in lines and blocks.</summary>
internal sealed class PdfTextExtractor
{
    private readonly PdfDocument _document;
    private readonly PdfObjects _objects;
    private readonly string _documentName;
    private readonly DecompressionBudget _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _warnings = [];
    private readonly List<string> _streamNotes = [];
    private readonly FontCache _fonts;

    public PdfTextExtractor(PdfDocument document, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        _document = document;
        _objects = new PdfObjects(PdfFileOpener.Loader(document));
        _documentName = documentName;
        _budget = new DecompressionBudget(limits.MaxDecompressedBytes);
        _cancellationToken = cancellationToken;
        _fonts = new FontCache(_objects, DecodeStream, cancellationToken);
    }

    /// <summary>The page being read, for failures raised from deep inside it.</summary>
    public int CurrentPage { get; private set; }

    public ReadResult Extract()
    {
        var pageCount = _document.NumberOfPages;
        if (pageCount == 0)
            return Failure(ReadFailureKind.Empty, null, "The PDF has no pages.");

        var pages = new List<(int Page, List<TextLine> Lines)>();
        var unreadable = new List<string>();
        var images = 0;
        for (var index = 0; index < pageCount; index++)
        {
            CurrentPage = index + 1;
            _cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var interpreter = ReadPage(_document.GetPage<DictionaryToken>(CurrentPage));
                images += interpreter.ImageCount;
                pages.Add((CurrentPage, TextLineBuilder.Build(interpreter.Glyphs)));
                _warnings.AddRange(interpreter.Problems.Distinct().Select(p => $"page {CurrentPage}: {p}"));
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or DecompressionLimitException))
            {
                unreadable.Add(ex.Message);
                _warnings.Add($"page {CurrentPage}: skipped, its content could not be read ({ex.Message.TrimEnd('.')}).");
            }
            _warnings.AddRange(_streamNotes.Distinct().Select(n => $"page {CurrentPage}: {n}."));
            _streamNotes.Clear();
        }

        if (unreadable.Count == pageCount)
            return Failure(ReadFailureKind.Corrupt, "page 1", $"None of the PDF's {pageCount} pages could be read ({unreadable[0].TrimEnd('.')}).");

        AddFontWarnings();
        var body = BodyStyle.Of(pages.SelectMany(p => p.Lines));
        var blocks = pages.SelectMany(p => BlockBuilder.Build(p.Lines, p.Page, body)).ToList();
        if (blocks.Count == 0)
        {
            var scanned = images > 0 ? $" It holds {images} image(s) and may be a scan: run it through text recognition (OCR) first." : "";
            return Failure(ReadFailureKind.Empty, null, "The PDF has no extractable text; it may be scanned images." + scanned);
        }
        return ReadResult.ForValue(new DocumentText(_documentName, DocumentFormat.Pdf, blocks, _warnings));
    }

    private ContentInterpreter ReadPage(DictionaryToken page)
    {
        var interpreter = new ContentInterpreter(_objects, _fonts, DecodeStream, _cancellationToken);
        interpreter.Run(PageContent(page), InheritedResources(page));
        return interpreter;
    }

    /// <summary>A page's content streams joined in order (§7.8.2: the split may fall anywhere between tokens).</summary>
    private byte[] PageContent(DictionaryToken page)
    {
        var streams = _objects.Get(page, "Contents") switch
        {
            StreamToken single => [single],
            ArrayToken array => _objects.Items(array).OfType<StreamToken>().ToList(),
            _ => new List<StreamToken>(),
        };
        using var joined = new MemoryStream();
        foreach (var stream in streams)
        {
            joined.Write(DecodeStream(stream));
            joined.WriteByte((byte)'\n');
        }
        return joined.ToArray();
    }

    /// <summary>/Resources is inheritable from the page tree (§7.7.3.4).</summary>
    private DictionaryToken? InheritedResources(DictionaryToken page)
    {
        var node = page;
        for (var depth = 0; node is not null && depth < 32; depth++)
        {
            if (_objects.Dictionary(node, "Resources") is { } resources)
                return resources;
            node = _objects.Dictionary(node, "Parent");
        }
        return null;
    }

    private byte[] DecodeStream(StreamToken stream) => PdfStreamDecoder.Decode(stream, _objects, _budget, _streamNotes);

    private void AddFontWarnings()
    {
        foreach (var font in _fonts.Fonts.Where(f => f.UnmappedCodes > 0))
            _warnings.Add($"font {font.BaseFont}: {font.UnmappedCodes} character(s) have no Unicode mapping and were left out.");
    }

    private ReadResult Failure(ReadFailureKind kind, string? location, string message) =>
        ReadResult.ForFailure(new ReadFailure(_documentName, kind, location, message));
}
