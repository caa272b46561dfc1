using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Testing;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DigestRunnerTests(AzuriteFixture azurite, MailDevFixture mailDev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private Task<DigestRunnerHarness> HarnessAsync() => DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);

    private static (ListDigestSource Source, string[] WithChanges, string Without) Scenario(int readers = 5)
    {
        var withChanges = Enumerable.Range(0, readers).Select(i => MailDevFixture.UniqueAddress($"r{i}")).ToArray();
        var without = MailDevFixture.UniqueAddress("quiet");
        var recipients = withChanges.Select((a, i) => i % 2 == 0 ? Recipient(a, Violence) : Recipient(a, Violence, Victims))
            .Append(Recipient(without, Technology))
            .ToList();
        var changes = new[] { New("a", Violence), Changed("b", "one two three", "one two four", Victims), New("outside", Violence, at: Daily.End) };
        return (new ListDigestSource(changes, recipients), withChanges, without);
    }

    private static async Task<List<DigestBatchEntity>> BatchesAsync(DigestRunnerHarness harness) =>
        await harness.Ledger.ListBatchesAsync(Daily, (await harness.Ledger.GetRunAsync(Daily))!.PlanId!).ToListAsync();

    [Fact]
    public async Task ARunSendsOneEmailToEachSubscriberWithChangesInTheirThemes()
    {
        var harness = await HarnessAsync();
        var (source, readers, quiet) = Scenario();

        var result = await harness.Runner(source).RunAsync(Daily);

        Assert.Equal(DigestRunStatus.Completed, result.Status);
        Assert.Equal((6, 5, 0, 1, 3), (result.Recipients, result.Sent, result.Failed, result.Empty, result.Batches));
        var counts = await harness.CountMailAsync([.. readers, quiet], expected: 5);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
        Assert.Equal(0, counts[quiet]);

        var message = await harness.MailDev.WaitForAsync(readers[1]);
        Assert.Equal("2 updates in Supporting victims and 1 other theme: 1 new, 1 changed", message.Subject);
        Assert.Contains($"Unsubscribe: https://pcc.example.org/api/unsubscribe?token=u-{Uri.EscapeDataString(readers[1])}", message.Text);
        Assert.Equal($"<https://pcc.example.org/api/unsubscribe?token=u-{Uri.EscapeDataString(readers[1])}>", message.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Header("List-Unsubscribe-Post"));
        Assert.Contains("one two [-three-] {+four+}", message.Text);
        Assert.DoesNotContain("Case study outside", message.Text);

        var run = await harness.Ledger.GetRunAsync(Daily);
        Assert.Equal((DigestRunStatus.Completed, 5, 1, 2), (run!.Status, run.Sent, run.Empty, run.Audiences));
        var batches = await harness.Ledger.ListBatchesAsync(Daily, run.PlanId!).ToListAsync();
        Assert.Equal([1, 2, 2], batches.Select(b => b.Recipients).Order());
        Assert.All(batches, b => Assert.Equal((DigestBatchState.Done, 1, b.Recipients), (b.State, b.Attempts, b.Sent)));
        Assert.All(batches, b => Assert.StartsWith("<", b.Detail));
    }

    [Fact]
    public async Task RunningACompletedWindowAgainSendsNothing()
    {
        var harness = await HarnessAsync();
        var (source, readers, _) = Scenario(3);
        await harness.Runner(source).RunAsync(Daily);

        var again = await harness.Runner(source).RunAsync(Daily);

        Assert.True(again.AlreadyCompleted);
        Assert.Equal((0, 3, 0), (again.Sent, again.Skipped, again.Batches));
        var counts = await harness.CountMailAsync(readers, expected: 3);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task ARunStoppedPartWayAndStartedAgainSendsEachSubscriberExactlyOneEmail()
    {
        var harness = await HarnessAsync();
        var (source, readers, _) = Scenario(7);

        var first = await harness.Runner(source).RunAsync(Daily, new DigestRunOptions { StopWhen = sent => sent >= 3 });
        var second = await harness.Runner(source).RunAsync(Daily);

        Assert.True(first.Stopped);
        Assert.Equal(DigestRunStatus.Sending, first.Status);
        Assert.InRange(first.Sent, 3, 4);
        Assert.Equal(7 - first.Sent, second.Sent);
        Assert.Equal(first.Sent, second.Skipped);
        Assert.Equal(DigestRunStatus.Completed, second.Status);
        var counts = await harness.CountMailAsync(readers, expected: 7);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task ARunCancelledBetweenBatchesLeavesTheWindowOpenAndTheNextRunSendsTheRestOnce()
    {
        var harness = await HarnessAsync();
        var (source, readers, _) = Scenario(7);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Runner(source, new CancellingTransport(harness.Smtp(), cancel, atBatch: 1, afterSending: true)).RunAsync(Daily, cancellationToken: cancel.Token));
        var left = await harness.Ledger.GetRunAsync(Daily);
        var next = await harness.Runner(source).RunAsync(Daily);

        Assert.Equal(DigestRunStatus.Sending, left!.Status);
        Assert.Equal((DigestRunStatus.Completed, 5, 2, 0), (next.Status, next.Sent, next.Skipped, next.Unconfirmed));
        var counts = await harness.CountMailAsync(readers, expected: 7);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task ABatchCancelledWhileTheProviderAnswersIsRecordedSoNothingIsLostOrSentTwice()
    {
        var harness = await HarnessAsync();
        var (source, readers, _) = Scenario(3);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Runner(source, new CancellingTransport(harness.Smtp(), cancel, atBatch: 1, afterSending: false)).RunAsync(Daily, cancellationToken: cancel.Token));
        var first = (await BatchesAsync(harness)).OrderBy(b => b.RowKey, StringComparer.Ordinal).First();
        var next = await harness.Runner(source).RunAsync(Daily);

        Assert.Equal(DigestBatchState.Done, first.State);
        Assert.InRange(first.Sent, 1, 2);
        Assert.Equal((DigestRunStatus.Completed, 3 - first.Sent, first.Sent, 0), (next.Status, next.Sent, next.Skipped, next.Unconfirmed));
        var counts = await harness.CountMailAsync(readers, expected: 3);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task DeliveriesDeferredBecauseTheServerWasDownAreSentByTheWindowsNextRun()
    {
        var harness = await HarnessAsync();
        var (source, readers, _) = Scenario(3);

        var down = await harness.Runner(source, harness.Smtp(port: FreePort.Next())).RunAsync(Daily);
        var retried = await harness.Runner(source).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Sending, 0, 3), (down.Status, down.Sent, down.Deferred));
        Assert.Equal((DigestRunStatus.Completed, 3, 0), (retried.Status, retried.Sent, retried.Deferred));
        var counts = await harness.CountMailAsync(readers, expected: 3);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
        Assert.All(await BatchesAsync(harness), b => Assert.Equal(2, b.Attempts));
    }

    [Fact]
    public async Task DeliveriesDeferredTooOftenAreRecordedAsFailedAndTheWindowCompletes()
    {
        var harness = await HarnessAsync();
        harness.Options.MaxDeliveryAttempts = 2;
        var (source, _, _) = Scenario(2);
        var runner = harness.Runner(source, harness.Smtp(port: FreePort.Next()));

        var first = await runner.RunAsync(Daily);
        var second = await runner.RunAsync(Daily);
        var third = await runner.RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Sending, 2), (first.Status, first.Deferred));
        Assert.Equal((DigestRunStatus.Completed, 2, 0), (second.Status, second.Failed, second.Deferred));
        Assert.True(third.AlreadyCompleted);
        Assert.All(await BatchesAsync(harness), b => Assert.StartsWith("gave up after 2 attempts", b.Detail));
    }

    [Fact]
    public async Task TwoOverlappingRunsOfOneWindowStillSendOneEmailEach()
    {
        var harness = await HarnessAsync();
        harness.Options.MaxRecipientsPerBatch = 1;
        var (source, readers, _) = Scenario(8);

        var results = await Task.WhenAll(harness.Runner(source).RunAsync(Daily), harness.Runner(source).RunAsync(Daily));

        Assert.Equal(8, results.Sum(r => r.Sent));
        var counts = await harness.CountMailAsync(readers, expected: 8);
        Assert.All(readers, r => Assert.Equal(1, counts[r]));
    }

    [Fact]
    public async Task ClaimsLeftByACrashAreReportedNotResentUnlessAnOperatorAsks()
    {
        var harness = await HarnessAsync();
        string[] readers = [MailDevFixture.UniqueAddress("crash"), MailDevFixture.UniqueAddress("crash")];
        var source = new ListDigestSource([New("a")], [.. readers.Select(r => Recipient(r, Violence))]);
        harness.Options.MaxRecipientsPerBatch = 10;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner(source, new CrashingTransport(harness.Smtp())).RunAsync(Daily));

        var cautious = await harness.Runner(source).RunAsync(Daily);
        var tooSoon = await harness.Runner(source).RunAsync(Daily, new DigestRunOptions { ResendUnconfirmed = true });
        harness.Clock.Advance(harness.Options.ClaimLease);
        var resent = await harness.Runner(source).RunAsync(Daily, new DigestRunOptions { ResendUnconfirmed = true });

        Assert.Equal((0, 2, DigestRunStatus.Completed), (cautious.Sent, cautious.Unconfirmed, cautious.Status));
        Assert.Equal((0, 2), (tooSoon.Sent, tooSoon.Unconfirmed));
        Assert.Equal((2, 0), (resent.Sent, resent.Unconfirmed));
        var counts = await harness.CountMailAsync(readers, expected: 4);
        Assert.All(readers, r => Assert.Equal(2, counts[r]));
    }

    [Fact]
    public async Task CatchingUpRunsEveryMissedWindowOnceAndThenNothing()
    {
        var harness = await HarnessAsync();
        var reader = MailDevFixture.UniqueAddress("catchup");
        var changes = new[] { New("mon", at: Daily.End.AddHours(-1)), New("tue", at: Daily.End.AddHours(23)) };
        var source = new ListDigestSource(changes, [Recipient(reader, Violence)]);
        await harness.Ledger.SaveRunAsync(new DigestRunEntity
        {
            PartitionKey = DigestRunEntity.PartitionFor(DigestFrequency.Daily),
            RowKey = DigestRunEntity.RowKeyFor(Daily.Start),
            WindowStart = Daily.Start.AddDays(-1),
            WindowEnd = Daily.Start,
            Status = DigestRunStatus.Completed,
        });
        harness.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));

        var caughtUp = await harness.Runner(source).CatchUpAsync(DigestFrequency.Daily);
        var again = await harness.Runner(source).CatchUpAsync(DigestFrequency.Daily);

        Assert.Equal([Daily.End, Daily.End.AddDays(1)], caughtUp.Select(r => r.Window.End));
        Assert.All(caughtUp, r => Assert.Equal(1, r.Sent));
        Assert.Empty(again);
        var counts = await harness.CountMailAsync([reader], expected: 2);
        Assert.Equal(2, counts[reader]);
    }

    [Fact]
    public async Task AnOnDemandRunSendsTheOpenWindowAndTheNextScheduledWindowStartsWhereItEnded()
    {
        var harness = await HarnessAsync();
        var reader = MailDevFixture.UniqueAddress("ondemand");
        var changes = new[] { New("early", at: Daily.End.AddHours(1)), New("late", at: Daily.End.AddHours(5)) };
        var source = new ListDigestSource(changes, [Recipient(reader, Violence)]);
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var onDemand = await harness.Runner(source).RunOpenWindowAsync(DigestFrequency.Daily);
        var again = await harness.Runner(source).RunOpenWindowAsync(DigestFrequency.Daily);
        harness.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(2));
        var scheduled = await harness.Runner(source).CatchUpAsync(DigestFrequency.Daily);

        var open = onDemand[^1];
        Assert.Equal((Daily.End, Daily.End.AddHours(2).AddMinutes(1)), (open.Window.Start, open.Window.End));
        Assert.Equal(1, open.Sent);
        Assert.Empty(again);
        var next = Assert.Single(scheduled);
        Assert.Equal((open.Window.End, Daily.End.AddDays(1)), (next.Window.Start, next.Window.End));
        Assert.Equal(1, next.Sent);
        var counts = await harness.CountMailAsync([reader], expected: 2);
        Assert.Equal(2, counts[reader]);
    }

    [Fact]
    public async Task AWindowWithoutChangesDoesNotReadTheSubscriberList()
    {
        var harness = await HarnessAsync();
        var source = new ListDigestSource([], [Recipient(MailDevFixture.UniqueAddress(), Violence)]);

        var result = await harness.Runner(source).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Completed, 0, 0), (result.Status, result.Sent, source.SubscriberListings));
    }
}
