using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Testing;
using Pcc.Testing.SendGrid;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Digests;

public sealed class DigestSendGridRunTests(AzuriteFixture azurite, MailDevFixture mailDev) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SendGridFake _fake = null!;

    public async Task InitializeAsync() => _fake = await SendGridFake.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task RecipientsWhoseRequestSendGridRefusedWith500AreSentByTheNextRun()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        harness.Options.MaxRecipientsPerBatch = 3;
        var readers = Enumerable.Range(0, 6).Select(i => $"reader{i}-{Guid.NewGuid():N}@example.org").ToArray();
        var source = new ListDigestSource([New("a")], [.. readers.Select(r => Recipient(r, Violence))]);
        var transport = new SendGridTransport(_http, Options.Create(new SendGridOptions { ApiKey = _fake.ApiKey, BaseUri = _fake.BaseUri, MaxAttempts = 1 }), harness.Clock);
        _fake.ServerError(times: 1);

        var first = await harness.Runner(source, transport).RunAsync(Daily);
        var second = await harness.Runner(source, transport).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Sending, 3, 3), (first.Status, first.Sent, first.Deferred));
        Assert.Equal((DigestRunStatus.Completed, 3, 3, 0), (second.Status, second.Sent, second.Skipped, second.Deferred));
        var delivered = _fake.Accepted.SelectMany(r => r.Personalizations).Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()).ToList();
        Assert.Equal(readers.Order(), delivered.Order());
        var run = await harness.Ledger.GetRunAsync(Daily);
        var rows = await harness.Ledger.ListBatchesAsync(Daily, run!.PlanId!).ToListAsync();
        Assert.All(rows, r => Assert.Equal((DigestBatchState.Done, 3), (r.State, r.Sent)));
        Assert.Equal([1, 2], rows.Select(r => r.Attempts).Order());
    }
}
