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
    private readonly List<HttpClient> _clients = [];
    private SendGridFake _fake = null!;

    public async Task InitializeAsync() => _fake = await SendGridFake.StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task RecipientsWhoseRequestSendGridRefusedWith500AreSentByTheNextRun()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        harness.Options.MaxRecipientsPerBatch = 3;
        var readers = Enumerable.Range(0, 6).Select(i => $"reader{i}-{Guid.NewGuid():N}@example.org").ToArray();
        var source = new ListDigestSource([New("a")], [.. readers.Select(r => Recipient(r, Violence))]);
        var transport = Transport(harness, maxAttempts: 1);
        _fake.ServerError(times: 1);

        var first = await harness.Runner(source, transport).RunAsync(Daily);
        var second = await harness.Runner(source, transport).RunAsync(Daily);

        Assert.Equal((DigestRunStatus.Sending, 3, 3), (first.Status, first.Sent, first.Deferred));
        Assert.Equal((DigestRunStatus.Completed, 3, 3, 0), (second.Status, second.Sent, second.Skipped, second.Deferred));
        var delivered = _fake.Accepted.SelectMany(r => r.Personalizations).Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()).ToList();
        Assert.Equal(readers.Order(), delivered.Order());
        var rows = await harness.Ledger.ListDeliveriesAsync(Daily).ToListAsync();
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.Status));
        Assert.Equal([1, 1, 1, 2, 2, 2], rows.Select(r => r.Attempts).Order());
    }

    [Fact]
    public async Task EveryRecipientOfOneRequestGetsOneClickUnsubscribeWithTheirOwnLink()
    {
        var harness = await DigestRunnerHarness.CreateAsync(azurite.Azurite, mailDev.MailDev);
        harness.Options.MaxRecipientsPerBatch = 3;
        var readers = Enumerable.Range(0, 3).Select(i => $"reader{i}-{Guid.NewGuid():N}@example.org").ToArray();
        var recipients = readers.Select(r => Recipient(r, Violence)).ToList();
        var source = new ListDigestSource([New("a")], recipients);

        var result = await harness.Runner(source, Transport(harness)).RunAsync(Daily);

        Assert.Equal(3, result.Sent);
        var request = Assert.Single(_fake.Accepted);
        Assert.Equal(3, request.Personalizations.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = recipients.Single(r => r.Email == request.To(i));
            var headers = request.HeadersOf(i);
            Assert.Equal($"<{expected.UnsubscribeUrl}>", headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
            var substitutions = request.Personalizations[i].GetProperty("substitutions");
            Assert.Equal(expected.UnsubscribeUrl, substitutions.GetProperty(DigestPlaceholders.UnsubscribeUrl).GetString());
            Assert.Equal(expected.ManageUrl, substitutions.GetProperty(DigestPlaceholders.ManageUrl).GetString());
        }

        Assert.Equal(3, recipients.Select(r => r.UnsubscribeUrl).Distinct().Count());
    }

    private SendGridTransport Transport(DigestRunnerHarness harness, int maxAttempts = 4)
    {
        var options = new SendGridOptions { ApiKey = _fake.ApiKey, BaseUri = _fake.BaseUri, MaxAttempts = maxAttempts };
        var http = SendGridResilience.CreateHttpClient(options, harness.Clock);
        _clients.Add(http);
        return new SendGridTransport(http, Options.Create(options), harness.Clock);
    }
}
