using System.Text.Json;
using Pcc.Briefings;
using Pcc.Catalogue.Related;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Related;

/// <summary>The similarity itself, on catalogue rows as the <c>CaseStudies</c> table holds them.</summary>
public sealed class SimilarCaseStudiesTests
{
    private static readonly CaseStudyEntity[] s_small =
    [
        Row("drones-kent", "Drones in Kent", "Police in Kent fly drones over missing-person searches, cutting response times on the coast."),
        Row("drones-essex", "Drones from patrol cars", "Drones launched from patrol cars in Essex shortened response times to rural burglaries."),
        Row("drones-devon", "A drone unit in Devon", "The unit films road collisions so that response times for clearing roads fall."),
        Row("naloxone-durham", "Naloxone kits", "Officers in Durham carry naloxone kits to reverse heroin overdoses."),
        Row("mentors-leeds", "Mentors after custody", "Young people leaving custody in Leeds meet a mentor every week."),
    ];

    [Fact]
    public void ACaseStudyIsRelatedToThoseThatShareItsDistinctiveWordsNamedAsTheTextSpellsThem()
    {
        var related = SimilarCaseStudies.Find(s_small);

        var kent = related["drones-kent"];
        Assert.Equal(["drones-devon", "drones-essex"], kent.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(kent, r => Assert.Equal(["drones", "response", "times"], r.SharedTerms));
        Assert.Equal(("Drones from patrol cars", "briefing"), kent.Where(r => r.Key == "drones-essex").Select(r => (r.Title, r.Briefing)).Single());
        Assert.Empty(related["naloxone-durham"]);
        Assert.Empty(related["mentors-leeds"]);
    }

    [Fact]
    public void EverySeedCaseStudyHasThreeToFiveOthersEachOnceNeverItselfEachSharingWordsBothSay()
    {
        var rows = SeedRows();

        var related = SimilarCaseStudies.Find(rows);

        Assert.Equal(20, related.Count);
        foreach (var (key, list) in related)
        {
            Assert.InRange(list.Count, 3, SimilarCaseStudies.MaxRelated);
            Assert.DoesNotContain(key, list.Select(r => r.Key));
            Assert.Equal(list.Count, list.Select(r => r.Key).Distinct().Count());
            var self = rows.Single(r => r.RowKey == key);
            foreach (var other in list)
            {
                Assert.InRange(other.SharedTerms.Count, 1, SimilarCaseStudies.MaxSharedTerms);
                var theirs = rows.Single(r => r.RowKey == other.Key);
                Assert.All(other.SharedTerms, word =>
                {
                    var term = Assert.Single(SearchAnalyzer.Instance.Terms(word)).Term;
                    Assert.Contains(term, Terms(self));
                    Assert.Contains(term, Terms(theirs));
                });
            }
        }
    }

    [Fact]
    public void ACaseStudyIsListedOnceAndNeverBesideItselfEvenWhenItsRowIsReadTwice()
    {
        // The table's own key is (theme, key): only the writer keeps one row per case study, so the lists key by case
        // study whatever the rows say.
        var rows = SeedRows();
        var moved = rows[0];
        var twice = rows.Append(new CaseStudyEntity { PartitionKey = "another-theme", RowKey = moved.RowKey, Title = moved.Title, Text = moved.Text, Briefing = moved.Briefing });

        var related = SimilarCaseStudies.Find(twice);

        Assert.Equal(20, related.Count);
        Assert.All(related, r => Assert.Equal(r.Value.Count, r.Value.Select(x => x.Key).Distinct().Count()));
        Assert.DoesNotContain(moved.RowKey, related[moved.RowKey].Select(r => r.Key));
    }

    [Fact]
    public void TheSameCatalogueGivesTheSameListsInWhateverOrderItIsRead()
    {
        var rows = SeedRows();

        var first = JsonSerializer.Serialize(SimilarCaseStudies.Find(rows).OrderBy(r => r.Key, StringComparer.Ordinal));
        var again = JsonSerializer.Serialize(SimilarCaseStudies.Find(rows.AsEnumerable().Reverse()).OrderBy(r => r.Key, StringComparer.Ordinal));

        Assert.Equal(first, again);
    }

    [Fact]
    public void ACatalogueOfOneHasNothingToRelate()
    {
        var related = SimilarCaseStudies.Find([s_small[0]]);

        Assert.Empty(Assert.Single(related).Value);
    }

    private static CaseStudyEntity Row(string key, string title, string text) =>
        new() { PartitionKey = "theme", RowKey = key, Title = title, Text = text, Briefing = "briefing" };

    private static List<CaseStudyEntity> SeedRows()
    {
        const string name = "001_88da988782738298.txt";
        var briefing = BriefingParser.Default.Parse(File.ReadAllBytes(RepositoryRoot.Combine("seeds", name)), name).Value;
        return [.. briefing.CaseStudies.Select(c => new CaseStudyEntity { PartitionKey = c.ThemeSlug, RowKey = c.Key, Title = c.Title, Text = c.Text, Briefing = "public-safety" })];
    }

    private static HashSet<string> Terms(CaseStudyEntity row) => [.. SearchAnalyzer.Instance.Terms(row.Title + "\n" + row.Text).Select(t => t.Term)];
}
