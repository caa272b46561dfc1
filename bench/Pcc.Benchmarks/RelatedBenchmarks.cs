using BenchmarkDotNet.Attributes;
using Pcc.Briefings;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Storage;

namespace Pcc.Benchmarks;

/// <summary>
/// What an ingest that changes the catalogue spends on related case studies: every list of the seed's 20 case studies
/// computed again (the index built, then MoreLikeThis for each).
/// </summary>
[MemoryDiagnoser]
public class RelatedBenchmarks
{
    private List<CaseStudyEntity> _catalogue = [];

    [GlobalSetup]
    public void Setup()
    {
        var briefing = BriefingParser.Default.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "briefing.txt")), "briefing.txt").Value;
        _catalogue = [.. briefing.CaseStudies.Select(c => new CaseStudyEntity
        {
            PartitionKey = c.ThemeSlug, RowKey = c.Key, Title = c.Title, Text = c.Text, Briefing = "public-safety-public-trust",
        })];
    }

    /// <summary>Every related list of the seed's catalogue.</summary>
    [Benchmark]
    public int RecomputeSeedCatalogue() => SimilarCaseStudies.Find(_catalogue).Count;
}
