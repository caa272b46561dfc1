using System.Net;
using Pcc.Functions.Data;
using Pcc.Functions.Ingestion;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Ingestion;

public sealed class IngestAttemptTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Slug = "001-88da988782738298";

    [Fact]
    public async Task TheAttemptIsRecordedBeforeTheDocumentIsRead()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing));
        var held = await BlobLock.AcquireAsync(store.Locks, "ingest/catalogue", new BlobLockOptions { Duration = TimeSpan.FromSeconds(60), AutoRenew = true }, TimeSpan.FromSeconds(10));

        var ingest = app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var waiting = await PollAsync(() => Receipt(store, etag), r => r is { Attempts: 1 });

        Assert.Equal((IngestionEntity.Pending, 0, 0), (waiting!.Status, waiting.AttemptsEnded, waiting.Version));
        await held.DisposeAsync();
        using var response = await ingest;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Receipt(store, etag);
        Assert.Equal((IngestionEntity.Completed, 1, 1, 1), (done!.Status, done.Attempts, done.AttemptsEnded, done.Version));
    }

    [Fact]
    public async Task AVersionWhoseAttemptsDiedFiveTimesIsGivenUpOnAndEveryFurtherInvocationFails()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        await app.UploadAndIngestAsync(Seeds.BriefingName, Seeds.Briefing);
        var store = app.GetRequiredService<PccStore>();
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, LaterVersion.Bytes));
        // What five attempts that killed their process leave behind: counted, never ended.
        await store.Ingestions.AddEntityAsync(new IngestionEntity
        {
            PartitionKey = Slug, RowKey = etag, BlobName = Seeds.BriefingName, IngestedAt = DateTimeOffset.UtcNow,
            Attempts = 5, AttemptStartedAt = DateTimeOffset.UtcNow,
        });

        using var sixth = await app.InvokeIngestAsync(Seeds.BriefingName, LaterVersion.Bytes);
        using var seventh = await app.InvokeIngestAsync(Seeds.BriefingName, LaterVersion.Bytes);

        Assert.Equal(HttpStatusCode.InternalServerError, sixth.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, seventh.StatusCode);
        var briefing = await app.GetJsonAsync($"api/briefings/{Slug}");
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        var failure = Assert.Single(briefing.GetProperty("failures").EnumerateArray());
        Assert.Contains("stopped its process 5 times before it finished", failure.GetProperty("error").GetString());
        Assert.Contains("Version 1 stays current", failure.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("api/reports/" + failure.GetProperty("report").GetString())).StatusCode);
    }

    [Fact]
    public async Task AttemptsThatEndedInAnErrorDoNotCountAsDeaths()
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var store = app.GetRequiredService<PccStore>();
        await store.EnsureCreatedAsync();
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(Seeds.BriefingName, Seeds.Briefing));
        await store.Ingestions.AddEntityAsync(new IngestionEntity
        {
            PartitionKey = Slug, RowKey = etag, BlobName = Seeds.BriefingName, IngestedAt = DateTimeOffset.UtcNow,
            Attempts = 7, AttemptsEnded = 7, AttemptStartedAt = DateTimeOffset.UtcNow,
        });

        using var response = await app.InvokeIngestAsync(Seeds.BriefingName, Seeds.Briefing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await app.GetJsonAsync($"api/briefings/{Slug}")).GetProperty("currentVersion").GetInt32());
    }

    private static async Task<IngestionEntity?> Receipt(PccStore store, string etag) =>
        (await store.Ingestions.GetEntityIfExistsAsync<IngestionEntity>(Slug, etag)).ValueOrDefault();

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
