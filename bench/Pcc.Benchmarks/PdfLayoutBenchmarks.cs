using BenchmarkDotNet.Attributes;
using Pcc.Briefings.Reading;
using UglyToad.PdfPig;

namespace Pcc.Benchmarks;

/// <summary>
/// Reading the seed's PDF renderings into blocks (layout: columns, boxes, lines, paragraphs) beside PdfPig opening the
/// same file and decoding every page's letters, the floor it cannot go under. Target: ReadPdf ≤ 2× DecodeGlyphs.
/// </summary>
[MemoryDiagnoser]
public class PdfLayoutBenchmarks
{
    private byte[] _pdf = [];

    /// <summary>Which rendering of the seed briefing (Fixtures/Renderings).</summary>
    [Params("seed-libreoffice.pdf", "seed-chromium.pdf", "seed-columns2-serif.pdf", "seed-columns3-landscape.pdf", "seed-sidebar.pdf")]
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
}
