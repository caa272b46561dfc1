using System.Diagnostics;
using Pcc.Functions.Data;
using Pcc.Functions.Ingestion;
using Pcc.Testing;
using Xunit.Abstractions;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// Each hostile document is uploaded as a new version of a briefing that has a good version: an outcome must be
/// recorded within the time limit, the good version must stay current, and no removal may reach the changes feed.
/// </summary>
public sealed class HostileDocumentTests(AzuriteFixture fixture, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    // The reader's own limit is 30 s; the rest is storage and the time to upload 20 MB.
    private static readonly TimeSpan s_outcomeWithin = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Bounded => [.. HostileCorpus.Bounded];

    public static TheoryData<string> NeedBoundedReaders => [.. HostileCorpus.NeedBoundedReaders];

    [Theory]
    [MemberData(nameof(Bounded))]
    public Task AHostileVersionEndsInARecordedOutcomeAndTheGoodVersionStaysCurrent(string kind) => CheckAsync(kind);

    [Theory]
    [MemberData(nameof(NeedBoundedReaders))]
    public Task ADocumentThatNeedsBoundedReadersEndsInARecordedOutcome(string kind) => CheckAsync(kind);

    private async Task CheckAsync(string kind)
    {
        await using var app = await FunctionApp.StartAsync(fixture.Azurite);
        var (name, content) = HostileCorpus.Create(kind);
        var slug = BriefingSlug.FromBlobName(name);
        await app.UploadAndIngestAsync(name, Seeds.Briefing);
        var afterGood = DateTimeOffset.UtcNow;
        var etag = IngestionPaths.Sanitise(await app.UploadAsync(name, content));

        var clock = Stopwatch.StartNew();
        await app.IngestAsync(name).WaitAsync(s_outcomeWithin);
        var elapsed = clock.Elapsed;

        var receipt = (await app.GetRequiredService<PccStore>().Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, etag)).ValueOrDefault();
        output.WriteLine($"{kind}: {content.Length:N0} bytes, {elapsed.TotalSeconds:0.0} s, {receipt?.Status}: {receipt?.Error}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MiB");
        Assert.True(receipt is { Status: IngestionEntity.Failed or IngestionEntity.Held }, $"{kind}: the receipt is {receipt?.Status ?? "missing"}");
        Assert.False(string.IsNullOrWhiteSpace(receipt!.Error));
        Assert.DoesNotContain("root:", receipt.Error, StringComparison.Ordinal);
        var briefing = await app.GetJsonAsync($"api/briefings/{slug}");
        Assert.Equal(1, briefing.GetProperty("currentVersion").GetInt32());
        Assert.Equal(20, (await app.GetJsonAsync("api/case-studies")).GetArrayLength());
        var changes = await app.GetJsonAsync($"api/changes?since={Uri.EscapeDataString(afterGood.ToString("O"))}");
        Assert.DoesNotContain(changes.EnumerateArray(), c => c.GetProperty("kind").GetString() == "removed");
    }
}
