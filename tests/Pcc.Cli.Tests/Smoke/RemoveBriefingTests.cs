using System.Net;
using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Testing.App;

namespace Pcc.Cli.Tests.Smoke;

/// <summary>
/// <c>DELETE /api/briefings/{slug}</c>, which the deployment check cleans up with: it needs the function key, takes the
/// briefing and its changes away, keeps what another briefing also reports, and says 404 when done twice.
/// </summary>
[Collection(SmokeCollection.Name)]
public sealed class RemoveBriefingTests(AppFixture app)
{
    [Fact]
    public async Task RemovingTheWriteUpKeepsTheCaseStudiesTheBriefingAlsoHasAndTakesItsChangesAway()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var briefing = AppFixture.UniqueBriefingName();
        var writeUp = AppFixture.UniqueBriefingName(SeedBriefing.WriteUpName);
        await app.IngestAsync(briefing, SeedBriefing.Bytes, version: 1);
        var written = await app.IngestAsync(writeUp, SeedBriefing.WriteUp, version: 1);
        var (briefingSlug, writeUpSlug) = (AppFixture.SlugOf(briefing), AppFixture.SlugOf(writeUp));
        var restated = (await app.GetJsonAsync("api/case-studies")).EnumerateArray()
            .Where(c => c.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == writeUpSlug) &&
                        c.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == briefingSlug))
            .Select(c => c.GetProperty("key").GetString()!).ToList();
        Assert.NotEmpty(restated);

        using var keyless = new HttpClient { BaseAddress = app.Host.FrontDoorAddress };
        using var refused = await keyless.DeleteAsync($"api/briefings/{writeUpSlug}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"api/briefings/{writeUpSlug}")).StatusCode);

        using var removed = await app.Http.DeleteAsync($"api/briefings/{writeUpSlug}");
        var result = JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1, result.GetProperty("versions").GetInt32());
        Assert.Equal(restated.Count, result.GetProperty("caseStudiesKept").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"api/briefings/{writeUpSlug}")).StatusCode);
        Assert.DoesNotContain(await ChangesSinceAsync(since), c => c.GetProperty("briefing").GetString() == writeUpSlug);
        foreach (var key in restated)
        {
            var caseStudy = await app.GetJsonAsync($"api/case-studies/{key}");
            var sources = caseStudy.GetProperty("current").GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToList();
            Assert.Contains(briefingSlug, sources);
            Assert.DoesNotContain(writeUpSlug, sources);
            Assert.DoesNotContain(caseStudy.GetProperty("history").EnumerateArray(), h => h.GetProperty("briefing").GetString() == writeUpSlug);
        }

        Assert.False((await app.Briefings.GetBlobClient(writeUp).ExistsAsync()).Value);
        Assert.True((await app.Briefings.GetBlobClient(briefing).ExistsAsync()).Value);
        Assert.Equal(1, (await app.GetJsonAsync($"api/briefings/{briefingSlug}")).GetProperty("currentVersion").GetInt32());
        Assert.NotEqual(JsonValueKind.Undefined, written.ValueKind);

        using var again = await app.Http.DeleteAsync($"api/briefings/{writeUpSlug}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RemovingTheOnlySourceTakesItsCaseStudiesOutOfTheCatalogue()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (name, slug, key, marker) = await IngestOneCaseStudyAsync("solo",
            "The PCC in Kent funded {0} advocates who support victims of domestic abuse and sexual violence through the court process, with independent domestic violence advisers for victims and survivors.");
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"case-studies/{key}")).StatusCode);
        Assert.Contains(await ChangesSinceAsync(since), c => c.GetProperty("key").GetString() == key);
        Assert.Contains(await RelatedListsAsync(), l => l.Related.Contains(key));

        using var removed = await app.Http.DeleteAsync($"api/briefings/{slug}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement.GetProperty("caseStudiesRemoved").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"api/case-studies/{key}")).StatusCode);
        Assert.DoesNotContain(await ChangesSinceAsync(since), c => c.GetProperty("key").GetString() == key);
        var search = await (await app.Http.GetAsync($"search?q={marker}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/case-studies/{key}", search, StringComparison.Ordinal);
        Assert.DoesNotContain(await RelatedListsAsync(), l => l.Related.Contains(key));
    }

    // A briefing of one case study whose text (a format string) carries a word no other document has; returns its names and key.
    private async Task<(string Name, string Slug, string Key, string Marker)> IngestOneCaseStudyAsync(string title, string text)
    {
        var name = AppFixture.UniqueBriefingName(title + ".md");
        var marker = title + Guid.NewGuid().ToString("N")[..8].Replace('0', 'q').Replace('1', 'r');
        var document = $"# {title} {marker}\n\n## Supporting victims of crime\n\nCase study 1: {string.Format(System.Globalization.CultureInfo.InvariantCulture, text, marker)}\n";
        var ingested = await app.IngestAsync(name, System.Text.Encoding.UTF8.GetBytes(document), version: 1);
        return (name, AppFixture.SlugOf(name), ingested.GetProperty("versions")[0].GetProperty("changes")[0].GetProperty("key").GetString()!, marker);
    }

    private async Task<List<(string Key, List<string?> Related)>> RelatedListsAsync()
    {
        var lists = new List<(string, List<string?>)>();
        foreach (var other in (await app.GetJsonAsync("api/case-studies")).EnumerateArray().Select(c => c.GetProperty("key").GetString()!))
        {
            var related = (await app.GetJsonAsync($"api/case-studies/{other}")).GetProperty("related");
            lists.Add((other, related.EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList()));
        }

        return lists;
    }

    [Fact]
    public async Task ARemovalInterruptedAfterItDeletedTheBriefingsRowsIsFinishedByRemovingAgain()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (name, slug, key, _) = await IngestOneCaseStudyAsync("interrupted", "The PCC in Essex funded {0} caseworkers who visit older victims of burglary at home within two days.");

        // What a removal that stopped half-way leaves: the briefing's own rows gone, its case study, changes, blob and receipts still there.
        var store = app.GetRequiredService<PccStore>();
        await store.Briefings.DeleteEntityAsync(BriefingEntity.Partition, slug);
        await foreach (var version in store.BriefingVersions.QueryAsync<BriefingVersionEntity>(v => v.PartitionKey == slug))
        {
            await store.BriefingVersions.DeleteEntityAsync(version);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync($"api/case-studies/{key}")).StatusCode);

        using var removed = await app.Http.DeleteAsync($"api/briefings/{slug}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"api/case-studies/{key}")).StatusCode);
        Assert.DoesNotContain(await ChangesSinceAsync(since), c => c.GetProperty("key").GetString() == key);
        Assert.False((await app.Briefings.GetBlobClient(name).ExistsAsync()).Value);
        Assert.Empty(store.Ingestions.Query<IngestionEntity>(r => r.PartitionKey == slug));
        using var again = await app.Http.DeleteAsync($"api/briefings/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private async Task<List<JsonElement>> ChangesSinceAsync(DateTimeOffset since) =>
        (await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(since.ToString("O"))}&limit=1000")).EnumerateArray().ToList();
}
