// Catalogue search over 10,000 synthetic case studies (the seed briefing's words, 120-260 words each, 7 themes, 50
// briefings of 200 case studies each).
//  1. in memory: building the index, then queries of one to three words, a third with a theme or a date filter;
//  2. through Table storage: the rows in an in-memory Azurite on free ports, the first search (which loads the
//     catalogue) and then searches as the page runs them, each checking the Briefings partition first;
//  3. ingest to searchable: rows written as an ingest writes them (a new case study and an edited one in one
//     briefing's CaseStudies and BriefingCaseStudies rows, then its Briefings row), then the clock runs until a search
//     finds the new text: the index re-reads that one briefing's case studies.
// Run: dotnet run -c Release --project bench/Pcc.SearchBench [-- CASE_STUDIES QUERIES]
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.SearchBench;
using Azure.Data.Tables;
using Pcc.Testing;

var size = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10_000;
var queryCount = args.Length > 1 && int.TryParse(args[1], out var q) ? q : 2_000;
var now = DateTimeOffset.UtcNow;
var catalogue = new SyntheticCatalogue(await File.ReadAllTextAsync(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt")));
var caseStudies = catalogue.Create(size, now);
var queries = Enumerable.Range(0, queryCount).Select(i => Query(i)).ToList();

Console.WriteLine($"{size:N0} case studies, {caseStudies.Sum(c => c.Text.Length) / 1024 / 1024.0:0.0} MiB of text; {queryCount:N0} queries");

var build = Stopwatch.StartNew();
var index = new SearchIndex(caseStudies, Synonyms.Default);
Console.WriteLine($"index build: {build.Elapsed.TotalMilliseconds:0} ms");

for (var i = 0; i < 50; i++)
{
    index.Search(queries[i]);
}

var hits = 0L;
var inMemory = Measure(queries, query => { hits += index.Search(query).Total; return Task.CompletedTask; }).Result;
Console.WriteLine($"in memory:   {inMemory} (mean {hits / (double)queryCount:0} matches per query)");
index.Dispose();

// Through Table storage.
var azurite = await Azurite.GetAsync();
var id = Guid.NewGuid().ToString("N")[..10];
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["Storage:TablePrefix"] = "b" + id,
}).Build();
var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
services.AddCatalogue(configuration);
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<PccStore>();
await store.EnsureCreatedAsync();
var write = Stopwatch.StartNew();
foreach (var partition in caseStudies.Select(ToEntity).GroupBy(e => e.PartitionKey))
{
    foreach (var chunk in partition.Chunk(100))
    {
        await store.CaseStudies.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
    }
}

foreach (var partition in caseStudies.Select(ToBriefingRow).GroupBy(e => e.PartitionKey))
{
    foreach (var chunk in partition.Chunk(100))
    {
        await store.BriefingCaseStudies.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
    }
}

for (var b = 0; b < 50; b++)
{
    await store.Briefings.UpsertEntityAsync(new BriefingEntity { PartitionKey = BriefingEntity.Partition, RowKey = $"briefing-{b}", Title = $"Briefing {b}", CurrentVersion = 1, UpdatedAt = now });
}

Console.WriteLine($"rows written to Azurite: {write.Elapsed.TotalSeconds:0.0} s");
var search = provider.GetRequiredService<CatalogueSearch>();
var cold = Stopwatch.StartNew();
await search.SearchAsync(queries[0], CancellationToken.None);
Console.WriteLine($"first search (reads the {size:N0} rows and builds the index): {cold.Elapsed.TotalMilliseconds:0} ms");
var stored = await Measure(queries.Take(Math.Min(queryCount, 500)).ToList(), query => search.SearchAsync(query, CancellationToken.None));
Console.WriteLine($"through Azurite, warm (Briefings partition read + search): {stored}");

// Ingest to searchable, one briefing at a time.
var live = await search.IndexAsync(CancellationToken.None);
var (indexedBefore, readBefore) = (live.Indexed, search.BriefingsRead);
var ingests = new List<double>();
for (var round = 0; round < 40; round++)
{
    var briefing = $"briefing-{round * 7 % 50}"; // every ingest a different briefing
    var word = $"zqx{round}marker";
    var edited = caseStudies.First(c => c.Briefing == briefing) with { Text = $"{catalogue.Sentence(150)} amended", LastChanged = DateTimeOffset.UtcNow };
    var added = edited with { Key = $"new-{round:D3}", Title = catalogue.Sentence(6), Text = $"{catalogue.Sentence(100)} {word} {catalogue.Sentence(80)}" };
    foreach (var c in new[] { edited, added })
    {
        await store.CaseStudies.UpsertEntityAsync(ToEntity(c), TableUpdateMode.Replace);
        await store.BriefingCaseStudies.UpsertEntityAsync(ToBriefingRow(c), TableUpdateMode.Replace);
    }

    await store.Briefings.UpsertEntityAsync(new BriefingEntity { PartitionKey = BriefingEntity.Partition, RowKey = briefing, Title = briefing, CurrentVersion = 2 + round, UpdatedAt = DateTimeOffset.UtcNow });
    var clock = Stopwatch.StartNew();
    var found = await search.SearchAsync(new SearchQuery(word), CancellationToken.None);
    ingests.Add(clock.Elapsed.TotalMilliseconds);
    if (found.Hits is not [{ CaseStudy.Key: var key }] || key != added.Key)
    {
        throw new InvalidOperationException($"Round {round}: the new case study was not found.");
    }
}

ingests.Sort();
Console.WriteLine($"ingest (rows written) -> searchable: p50 {ingests[ingests.Count / 2]:0} ms, p95 {ingests[(int)(0.95 * ingests.Count)]:0} ms, max {ingests[^1]:0} ms (n={ingests.Count}); " +
    $"{search.BriefingsRead - readBefore} briefings re-read, {live.Indexed - indexedBefore} documents re-indexed ({size / 50} case studies a briefing), full loads {search.FullLoads}");
var afterIngests = await Measure(queries.Take(Math.Min(queryCount, 500)).ToList(), query => search.SearchAsync(query, CancellationToken.None));
Console.WriteLine($"through Azurite, warm, after the ingests: {afterIngests}");
return 0;

SearchQuery Query(int i)
{
    // Words from one case study's text, so most queries have matches, as readers' queries do.
    var text = caseStudies[catalogue.Next(caseStudies.Count)].Text.Split(' ');
    var words = string.Join(' ', Enumerable.Range(0, 1 + (i % 3)).Select(_ => text[catalogue.Next(text.Length)]));
    return (i % 6) switch
    {
        1 => new SearchQuery(words, caseStudies[i % 7].ThemeSlug),
        3 => new SearchQuery(words, null, DateOnly.FromDateTime(now.AddDays(-90).UtcDateTime)),
        _ => new SearchQuery(words),
    };
}

static async Task<string> Measure(List<SearchQuery> queries, Func<SearchQuery, Task> run)
{
    var times = new List<double>(queries.Count);
    foreach (var query in queries)
    {
        var clock = Stopwatch.StartNew();
        await run(query);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    double At(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];
    return $"p50 {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {times[^1]:0.00} ms (n={times.Count})";
}

static BriefingCaseStudyEntity ToBriefingRow(CaseStudyView c) => new()
{
    PartitionKey = c.Briefing, RowKey = c.Key, Key = c.Key, Number = c.Number, ThemeSlug = c.ThemeSlug, Theme = c.Theme, Title = c.Title, Text = c.Text,
};

static CaseStudyEntity ToEntity(CaseStudyView c) => new()
{
    PartitionKey = c.ThemeSlug, RowKey = c.Key, Key = c.Key, Number = c.Number, ThemeSlug = c.ThemeSlug, Theme = c.Theme, Title = c.Title, Text = c.Text,
    Briefing = c.Briefing, Sources = string.Join(',', c.Sources), FirstSeen = c.FirstSeen, LastChanged = c.LastChanged,
};
