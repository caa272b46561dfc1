using BenchmarkDotNet.Attributes;
using Pcc.Briefings;
using Pcc.Briefings.Comparison;

namespace Pcc.Benchmarks;

/// <summary>
/// What an ingest costs: parsing the seed briefing (read, heal, extract 20 case studies) and comparing it with a
/// later version (insertions, removals, edits, renumbering).
/// </summary>
[MemoryDiagnoser]
public class ParseAndCompareBenchmarks
{
    private byte[] _briefing = [];
    private byte[] _later = [];
    private Briefing _parsed = null!;
    private Briefing _parsedLater = null!;

    [GlobalSetup]
    public void Setup()
    {
        _briefing = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "briefing.txt"));
        _later = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "briefing-v2.txt"));
        _parsed = BriefingParser.Default.Parse(_briefing, "briefing.txt").Value;
        _parsedLater = BriefingParser.Default.Parse(_later, "briefing-v2.txt").Value;
    }

    /// <summary>Reading and parsing the seed briefing.</summary>
    [Benchmark]
    public Briefing Parse() => BriefingParser.Default.Parse(_briefing, "briefing.txt").Value;

    /// <summary>Comparing two parsed versions.</summary>
    [Benchmark]
    public BriefingComparison Compare() => CaseStudyComparer.Compare(_parsed.CaseStudies, _parsedLater.CaseStudies);

    /// <summary>The whole ingest: parse the new version and compare it with the stored one.</summary>
    [Benchmark(Baseline = true)]
    public BriefingComparison ParseAndCompare() =>
        CaseStudyComparer.Compare(_parsed.CaseStudies, BriefingParser.Default.Parse(_later, "briefing-v2.txt").Value.CaseStudies);
}
