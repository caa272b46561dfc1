using BenchmarkDotNet.Attributes;
using Pcc.Briefings;
using Pcc.Briefings.Reading;
using UglyToad.PdfPig;

namespace Pcc.Benchmarks;

/// <summary>
/// The seed briefing's PDF renderings read into blocks (layout: columns, boxes, lines, paragraphs) and parsed into case
/// studies, each beside PdfPig opening the same file and decoding every page's letters, the floor they cannot go under.
/// Target: ParsePdf ≤ 2× DecodeGlyphs (the Ratio column), and so ReadPdf too.
/// </summary>
[MemoryDiagnoser]
public class PdfLayoutBenchmarks
{
    private byte[] _pdf = [];

    /// <summary>
    /// Which rendering of the seed briefing (Fixtures/Renderings), and briefing-part.pdf: its first three themes printed
    /// by LibreOffice from Word (the test fixture the reading benchmarks use).
    /// </summary>
    [Params("seed-libreoffice.pdf", "seed-chromium.pdf", "seed-columns2-serif.pdf", "seed-columns3-landscape.pdf", "seed-sidebar.pdf", "briefing-part.pdf")]
    public string Rendering { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", Rendering));

    /// <summary>PdfPig opening the file and decoding every page's letters.</summary>
    [Benchmark(Baseline = true)]
    public int DecodeGlyphs()
    {
        using var document = PdfDocument.Open(_pdf);
        return document.GetPages().Sum(p => p.Letters.Count);
    }

    /// <summary>The PDF read into blocks in reading order, as every ingest reads it.</summary>
    [Benchmark]
    public DocumentText ReadPdf() => BriefingReader.Default.Read(_pdf, Rendering).Value;

    /// <summary>The PDF read and parsed into case studies (healing, themes, keys), as an ingest does.</summary>
    [Benchmark]
    public Briefing ParsePdf() => BriefingParser.Default.Parse(_pdf, Rendering).Value;
}
