using Pcc.Catalogue.Ingestion;
using System.Net;
using System.Text;
using Pcc.Catalogue.Storage;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>Blob names at the edges of what storage accepts, and keys in request paths that no row could have.</summary>
[Collection(IngestionCollection.Name)]
public sealed class NamesAndKeysTests(AppFixture app)
{
    [Fact]
    public async Task ABlobWithTheLongestNameStorageAcceptsIsIngested()
    {
        var name = "2026/" + Guid.NewGuid().ToString("N") + new string('b', 1024 - 9 - 32) + ".txt";
        Assert.Equal(1024, name.Length);
        var slug = AppFixture.SlugOf(name);

        var briefing = await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);

        Assert.Equal(name, briefing.GetProperty("blobName").GetString());
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
    }

    [Fact]
    public async Task NamesWithoutLatinLettersBecomeSeparateBriefings()
    {
        // No other test of this worker uploads these names.
        var (japanese, dots) = ("日本語のブリーフィング.txt", "..txt");
        var (japaneseSlug, dotsSlug) = (AppFixture.SlugOf(japanese), AppFixture.SlugOf(dots));

        await app.IngestAsync(japanese, SeedBriefing.Bytes, version: 1);
        await app.IngestAsync(dots, SeedBriefing.WriteUp, version: 1);

        var briefings = (await app.GetJsonAsync("api/briefings")).EnumerateArray()
            .Where(b => b.GetProperty("slug").GetString() is { } s && (s == japaneseSlug || s == dotsSlug))
            .Select(b => b.GetProperty("blobName").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([dots, japanese], briefings);
    }

    [Theory]
    [InlineData("a.txt", "a")]
    [InlineData("ab.md", "ab")]
    [InlineData("nl.txt", "\n\n")]
    public async Task TinyFilesAreRecordedAsFailedWithAReason(string file, string content)
    {
        var name = AppFixture.UniqueBriefingName(file);
        var slug = AppFixture.SlugOf(name);

        var outcome = await app.UploadAndSettleAsync(name, Encoding.UTF8.GetBytes(content));

        Assert.Equal(IngestStatus.Failed, outcome.Status);
        Assert.DoesNotContain((await app.GetJsonAsync("api/briefings")).EnumerateArray(), b => b.GetProperty("slug").GetString() == slug);
        var failure = Assert.Single((await app.BriefingAsync(slug)).GetProperty("failures").EnumerateArray());
        Assert.Contains($"The document is {content.Length} byte", failure.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("GET", "api/briefings/{long}")]
    [InlineData("GET", "api/briefings/Not%20A%20Slug")]
    [InlineData("GET", "api/reports/x/{long}.json")]
    [InlineData("GET", "api/reports/{long}/report.json")]
    [InlineData("GET", "api/reports/x/a%2Fb.json")]
    [InlineData("GET", "api/case-studies/{long}")]
    [InlineData("GET", "api/case-studies/%27%20or%20%27a%27%20eq%20%27a")]
    [InlineData("GET", "api/case-studies?theme={long}")]
    [InlineData("GET", "api/summaries/{long}")]
    [InlineData("GET", "api/changes?since={long}")]
    [InlineData("POST", "api/briefings/{long}/versions/2/confirm")]
    [InlineData("POST", "api/briefings/x/versions/{long}/confirm")]
    [InlineData("GET", "briefings/{long}")]
    [InlineData("GET", "case-studies/{long}")]
    [InlineData("GET", "themes/{long}")]
    [InlineData("GET", "feeds/themes/{long}.atom")]
    [InlineData("GET", "editor/ingests/{long}/x")]
    public async Task OverLongOrMalformedKeysAnswerNotFoundOrBadRequest(string method, string path)
    {
        var key = new string(path.Contains("reports/x") ? 'a' : 'b', path.Contains("reports/x") ? 5000 : 2000);
        var url = path.Replace("{long}", key, StringComparison.Ordinal);

        using var response = await app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{method} {path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync());
    }
}
