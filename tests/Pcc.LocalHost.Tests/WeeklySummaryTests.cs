using System.Net;
using System.Text.Json;
using Pcc.Functions.Summaries;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests;

public sealed class WeeklySummaryTests(AzuriteFixture azurite, MailDevFixture mailDev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task TheSummaryOfLastWeekIsStoredServedAndEmailedToTheEditorsOnce()
    {
        var editor = MailDevFixture.UniqueAddress("editor");
        await using var test = await MailHost.StartAsync(azurite.Azurite, mailDev.MailDev, new Dictionary<string, string?> { ["Notifications:Editors"] = editor });
        var (year, number) = WeeklySummaryService.WeekBefore(DateTimeOffset.UtcNow);
        var week = $"{year:D4}-W{number:D2}";

        await MailHost.RunAsync(test, "SendWeeklySummary");

        var summaries = test.Host.Storage.GetBlobContainerClient("summaries-" + test.Host.Options.HostId);
        Assert.True((await summaries.GetBlobClient(week + ".json").ExistsAsync()).Value);
        Assert.True((await summaries.GetBlobClient(week + ".html").ExistsAsync()).Value);
        var json = await test.GetJsonAsync($"api/summaries/{week}");
        Assert.Equal(number, json.GetProperty("week").GetInt32());
        using (var html = await test.Http.GetAsync($"api/summaries/{week}?format=html"))
        {
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"Week {number} of {year}", await html.Content.ReadAsStringAsync());
        }

        var email = await mailDev.MailDev.WaitForAsync(editor);
        Assert.StartsWith($"Week {number} of {year}", email.Subject);

        await MailHost.RunAsync(test, "SendWeeklySummary");
        await Task.Delay(300);
        Assert.Single(await mailDev.MailDev.ListToAsync(editor));
    }

    [Theory]
    [InlineData("2026-47", HttpStatusCode.BadRequest)]
    [InlineData("2026-W54", HttpStatusCode.BadRequest)]
    [InlineData("2001-W05", HttpStatusCode.NotFound)]
    public async Task AnInvalidOrUnknownWeekIsAProblem(string week, HttpStatusCode expected)
    {
        await using var test = await MailHost.StartAsync(azurite.Azurite, mailDev.MailDev);

        using var response = await test.Http.GetAsync($"api/summaries/{week}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }
}
