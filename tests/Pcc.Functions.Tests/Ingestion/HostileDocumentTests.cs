using Pcc.Catalogue.Ingestion;
using System.Diagnostics;
using System.Net;
using Pcc.Catalogue.Storage;
using Pcc.Testing.App;
using Xunit.Abstractions;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>
/// Each hostile document is uploaded to the worker as a new version of a briefing that has a good version: an outcome
/// must be recorded within the time limit, the worker must keep serving, the good version must stay current, and no
/// removal may reach the changes feed. Every case has its own blob name, so they share one worker.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileDocumentTests(AppFixture app, ITestOutputHelper output)
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
        var (name, content) = HostileCorpus.Create(kind);
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var afterGood = DateTimeOffset.UtcNow;

        var clock = Stopwatch.StartNew();
        var receipt = await app.UploadAndSettleAsync(name, content, s_outcomeWithin);
        output.WriteLine($"{kind}: {content.Length:N0} bytes, outcome after {clock.Elapsed.TotalSeconds:0.0} s, {receipt.Status}: {receipt.Error}");

        Assert.True(receipt is { Status: IngestStatus.Failed or IngestStatus.Held }, $"{kind}: the receipt is {receipt.Status}");
        Assert.False(string.IsNullOrWhiteSpace(receipt.Error));
        Assert.DoesNotContain("root:", receipt.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("api/themes")).StatusCode);
        Assert.Equal(1, (await app.BriefingAsync(slug)).GetProperty("currentVersion").GetInt32());
        Assert.Equal(20, (await app.CaseStudiesOfAsync(slug)).Count);
        Assert.DoesNotContain(await app.ChangesOfAsync(slug, afterGood), c => c.GetProperty("kind").GetString() == "removed");
    }
}
