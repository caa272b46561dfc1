using System.Net;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Catalogue;

/// <summary><c>GET /api/changes</c> answers a page at a time, however long the window.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ChangesPagingTests(AppFixture app)
{
    [Fact]
    public async Task ChangesComeInCappedPagesWhoseNextLinksGiveEveryChangeExactlyOnce()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        await app.IngestAsync(name, SeedBriefing.LaterVersion, version: 2);

        var pages = await app.ChangePagesAsync($"api/changes?since={Uri.EscapeDataString(since.ToString("O"))}&limit=7");

        Assert.All(pages, page => Assert.InRange(page.Count, 0, 7));
        var mine = pages.SelectMany(p => p).Where(c => c.GetProperty("briefing").GetString() == slug)
            .Select(c => (Kind: c.GetProperty("kind").GetString(), Key: c.GetProperty("key").GetString(), Version: c.GetProperty("version").GetInt32())).ToList();
        Assert.Equal(20 + 3, mine.Count);
        Assert.Equal(mine.Count, mine.Distinct().Count());
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
    }

    [Fact]
    public async Task ChangesSinceEverAreCappedAndALargerPageIsRefused()
    {
        using var all = await app.Http.GetAsync("api/changes?since=0001-01-01");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.InRange((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(all.Content)).GetArrayLength(), 0, 100);

        using var huge = await app.Http.GetAsync("api/changes?since=0001-01-01&limit=1000000");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        using var forged = await app.Http.GetAsync("api/changes?since=0001-01-01&continuation=not%20a%20token");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
