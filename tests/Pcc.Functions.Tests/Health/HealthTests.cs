using System.Net;
using System.Text.Json;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Health;

/// <summary><c>GET /api/health</c> through the worker, on the app's own tables and queues.</summary>
public sealed class HealthTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HealthAnswersStorageReachableTheLastIngestAndTheDailyRunAfterTheyHappen()
    {
        var briefing = AppFixture.UniqueBriefingName();
        await app.SubscribeAndConfirmAsync(MailDevFixture.UniqueAddress(), ["violence-and-exploitation"]);
        await app.IngestAsync(briefing, SeedBriefing.Bytes, version: 1);
        await app.RunAsync("SendDailyDigests");
        // The batch is sent from the queue, after the run returns; the window completes when it has been.
        await Eventually.Async(() => app.GetJsonAsync("api/health"), h => h.GetProperty("digests").GetProperty("daily") is { ValueKind: JsonValueKind.Object } d
            && d.GetProperty("status").GetString() == "completed", "the daily window completed");

        using var anonymous = new HttpClient { BaseAddress = app.Host.FrontDoorAddress };
        using var response = await anonymous.GetAsync("api/health");
        var text = await response.Content.ReadAsStringAsync();
        var health = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.True(health.GetProperty("healthy").GetBoolean());
        Assert.All(["tables", "blobs", "queues"], s => Assert.True(health.GetProperty("storage").GetProperty(s).GetBoolean(), s));
        var ingest = health.GetProperty("lastIngest");
        Assert.Equal(AppFixture.SlugOf(briefing), ingest.GetProperty("briefing").GetString());
        Assert.Equal("completed", ingest.GetProperty("status").GetString());
        var daily = health.GetProperty("digests").GetProperty("daily");
        Assert.Equal("completed", daily.GetProperty("status").GetString());
        Assert.Equal(1, daily.GetProperty("sent").GetInt32());
        Assert.Equal(0, daily.GetProperty("failed").GetInt32());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("digests").GetProperty("weekly").ValueKind);
        // Names and counts only: no address of the account, no key, no subscriber.
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Azurite.AccountName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageOnTheDigestPoisonQueueShowsInItsDepth()
    {
        var poisonName = UniqueStorage.Settings(app.Id)["DigestBatchQueue"] + "-poison";
        var poison = app.Host.Storage.GetQueueClient(poisonName);
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{}");

        var health = await app.GetJsonAsync("api/health");

        var depth = health.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == poisonName);
        Assert.Equal(1, depth.GetProperty("messages").GetInt32());
    }
}
