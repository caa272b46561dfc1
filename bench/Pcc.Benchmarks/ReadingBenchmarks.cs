using System.Text;
using BenchmarkDotNet.Attributes;
using Pcc.Briefings;
using UglyToad.PdfPig;

namespace Pcc.Benchmarks;

/// <summary>
/// Each reader beside the floor it cannot go under: the seed text parsed (read, heal, identify, extract) beside just
/// decoding its bytes; a briefing PDF read into case studies beside PdfPig opening it and decoding every page's glyphs.
/// Targets: text ≤ 2 ms, PDF ≤ 30 ms.
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    private byte[] _text = [];
    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "briefing.txt"));
        _pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "briefing-part.pdf"));
    }

    /// <summary>The floor for text: UTF-8 decoding of the same bytes.</summary>
    [Benchmark]
    public int DecodeTextBytes() => Encoding.UTF8.GetString(_text).Length;

    /// <summary>The seed briefing read into case studies.</summary>
    [Benchmark]
    public Briefing ParseText() => BriefingParser.Default.Parse(_text, "briefing.txt").Value;

    /// <summary>The floor for PDF: PdfPig opening the same bytes and decoding every page's letters.</summary>
    [Benchmark]
    public int DecodePdfGlyphs()
    {
        using var document = PdfDocument.Open(_pdf);
        return document.GetPages().Sum(p => p.Letters.Count);
    }

    /// <summary>The PDF read into case studies (layout analysis, healing, extraction).</summary>
    [Benchmark]
    public Briefing ParsePdf() => BriefingParser.Default.Parse(_pdf, "briefing-part.pdf").Value;
}
