using System.Net;
using System.Text;
using Pcc.Functions.Ingestion;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Ingestion;

public sealed class NamesAndKeysTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ABlobWithTheLongestNameStorageAcceptsIsIngested()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var name = "2026/" + new string('b', 1024 - 9) + ".txt";

        var result = await app.UploadAndIngestAsync(name, Seeds.Briefing);

        Assert.Equal("ingested", result.Status);
        var briefing = await app.GetJsonAsync($"api/briefings/{BriefingSlug.FromBlobName(name)}");
        Assert.Equal(name, briefing.GetProperty("blobName").GetString());
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
    }

    [Fact]
    public async Task NamesWithoutLatinLettersBecomeSeparateBriefings()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        await app.UploadAndIngestAsync("日本語のブリーフィング.txt", Seeds.Briefing);
        await app.UploadAndIngestAsync("..txt", Seeds.WriteUp);

        var briefings = (await app.GetJsonAsync("api/briefings")).EnumerateArray().Select(b => b.GetProperty("blobName").GetString()).Order().ToList();
        Assert.Equal(["..txt", "日本語のブリーフィング.txt"], briefings);
    }

    [Theory]
    [InlineData("a.txt", "a")]
    [InlineData("ab.md", "ab")]
    [InlineData("nl.txt", "\n\n")]
    public async Task TinyFilesAreRecordedAsFailedWithAReason(string name, string content)
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);

        var result = await app.UploadAndIngestAsync(name, Encoding.UTF8.GetBytes(content));

        Assert.Equal("failed", result.Status);
        Assert.Empty((await app.GetJsonAsync("api/briefings")).EnumerateArray());
        var failure = Assert.Single((await app.GetJsonAsync($"api/briefings/{BriefingSlug.FromBlobName(name)}")).GetProperty("failures").EnumerateArray());
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
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var key = new string(path.Contains("reports/x") ? 'a' : 'b', path.Contains("reports/x") ? 5000 : 2000);
        var url = path.Replace("{long}", key, StringComparison.Ordinal);

        using var response = await app.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{method} {path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync());
    }
}
