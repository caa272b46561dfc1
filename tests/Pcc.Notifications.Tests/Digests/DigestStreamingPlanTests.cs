using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Testing;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>
/// The subscriber list is streamed into batches, each written to the ledger as it fills, so a long list is never held
/// whole; a plan cut short is never sent, and the window's next run plans everyone once.
/// </summary>
public sealed class DigestStreamingPlanTests(AzuriteFixture azurite, MailDevFixture mailDev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    // Readers alternate between two audiences and are listed in id order, as the subscriber table lists them.
    private static (string[] Readers, List<DigestRecipient> Recipients) Readers(int count)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var readers = Enumerable.Range(0, count).Select(i => $"stream{i:D2}-{tag}@example.org").ToArray();
        return (readers, [.. readers.Select((r, i) => i % 2 == 0 ? Recipient(r, Violence) : Recipient(r, Violence, Victims))]);
    }

    private static readonly DigestChange[] Changes = [New("a"), New("b", Victims)];

    [Fact]
    public async Task BatchesAreWrittenAsTheyFillAndAPlanCutShortIsReplacedByOneThatSendsEveryoneOnce()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        var (readers, recipients) = Readers(9);

        // The list fails after six readers: three of each audience, so each audience has filled one batch of two.
        await Assert.ThrowsAsync<IOException>(() => harness.Runner(new StreamedDigestSource(Changes, recipients, failAfter: 6)).RunAsync(Daily));
        var written = await harness.Contents.GetBlobsAsync().ToListAsync();
        var cutShort = await harness.Ledger.GetRunAsync(Daily);
        var result = await harness.Runner(new StreamedDigestSource(Changes, recipients)).RunAsync(Daily);

        Assert.Equal(2, written.Count);
        Assert.Null(cutShort!.PlanId);
        Assert.Equal((DigestRunStatus.Completed, 9, 9, 5), (result.Status, result.Recipients, result.Sent, result.Batches));
        var run = await harness.Ledger.GetRunAsync(Daily);
        var batches = await harness.Ledger.ListBatchesAsync(Daily, run!.PlanId!).ToListAsync();
        Assert.Equal([1, 2, 2, 2, 2], batches.Select(b => b.Recipients).Order());
        var counts = await harness.CountMailAsync(readers, expected: 9);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task WithRoomForFewerAudiencesTheLeastRecentlyJoinedIsWrittenEarlyAndEveryoneStillGetsTheirOwnDigestOnce()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        harness.Options.MaxRecipientsPerBatch = 100;
        harness.Options.MaxOpenAudiences = 2;
        // Every other reader follows violence; the rest take turns between victims alone and both themes.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var readers = Enumerable.Range(0, 8).Select(i => $"room{i:D2}-{tag}@example.org").ToArray();
        string[][] follows = [[Violence], [Victims], [Violence], [Violence, Victims], [Violence], [Victims], [Violence], [Violence, Victims]];
        var recipients = readers.Select((r, i) => Recipient(r, follows[i])).ToList();

        var result = await harness.Runner(new StreamedDigestSource(Changes, recipients)).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Completed, 8, 8), (result.Status, result.Recipients, result.Sent));
        var run = await harness.Ledger.GetRunAsync(Daily);
        var batches = new List<DigestBatchContent>();
        await foreach (var batch in harness.Ledger.ListBatchesAsync(Daily, run!.PlanId!))
        {
            batches.Add(await harness.Ledger.ReadContentAsync(batch));
        }

        // Violence joined most recently each time a third audience came, so it stayed open: one batch of its four readers.
        // The two others made room for each other: a batch of one reader each time.
        var violence = Assert.Single(batches, b => b.ThemeSet == Violence);
        Assert.Equal([readers[0], readers[2], readers[4], readers[6]], violence.Recipients.Select(r => r.Email));
        Assert.Equal(5, batches.Count);
        Assert.All(batches.Where(b => b != violence), b => Assert.Single(b.Recipients));
        foreach (var (reader, i) in readers.Select((r, i) => (r, i)))
        {
            var own = Assert.Single(batches, b => b.Recipients.Any(r => r.Email == reader));
            Assert.Equal(string.Join(',', follows[i].Order(StringComparer.Ordinal)), own.ThemeSet);
        }

        var counts = await harness.CountMailAsync(readers, expected: 8);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task ASubscriberListedTwiceInARowGetsOneEmail()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        var (readers, recipients) = Readers(3);
        recipients.Insert(1, recipients[0]);

        var result = await harness.Runner(new StreamedDigestSource(Changes, recipients)).RunAsync(Daily);

        Assert.Equal((3, 3), (result.Recipients, result.Sent));
        var counts = await harness.CountMailAsync(readers, expected: 3);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task AListOutOfIdOrderIsRefusedAndNothingIsSent()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        var (readers, recipients) = Readers(3);
        // The first reader again after the others: from the order alone the run cannot tell whether it was planned.
        recipients.Add(recipients[0]);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runner(new StreamedDigestSource(Changes, recipients)).RunAsync(Daily));

        Assert.Contains("not in id order", refused.Message);
        Assert.Null((await harness.Ledger.GetRunAsync(Daily))!.PlanId);
        var counts = await harness.CountMailAsync(readers, expected: 1);
        Assert.All(readers, r => Assert.Equal(0, counts[r]));
    }
}
