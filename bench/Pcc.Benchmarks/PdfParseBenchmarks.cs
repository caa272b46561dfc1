using BenchmarkDotNet.Attributes;
using Pcc.Briefings;

namespace Pcc.Benchmarks;

/// <summary>What reading a PDF costs: the seed briefing rendered by LibreOffice (A4) and by Chromium's print to PDF (A5).</summary>
[MemoryDiagnoser]
public class PdfParseBenchmarks
{
    private byte[] _pdf = [];

    /// <summary>Which rendering of the seed briefing.</summary>
    [Params("seed-libreoffice.pdf", "seed-chromium.pdf")]
    public string Rendering { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _pdf = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", Rendering));

    /// <summary>Reading and parsing the seed briefing's PDF.</summary>
    [Benchmark]
    public Briefing ParsePdf() => BriefingParser.Default.Parse(_pdf, Rendering).Value;
}
