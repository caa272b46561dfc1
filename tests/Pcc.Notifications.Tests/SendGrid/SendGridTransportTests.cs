using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Testing.SendGrid;

namespace Pcc.Notifications.Tests.SendGrid;

public sealed class SendGridTransportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private readonly RecordedDelays _delays = new(s_now);
    private readonly List<HttpClient> _clients = [];
    private SendGridFake _fake = null!;

    public async Task InitializeAsync() => _fake = await SendGridFake.StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ABatchOf2500IsSentIn3RequestsWithEveryRecipientsOwnSubstitutionsAndUnsubscribeHeader()
    {
        var batch = Batch(2500);

        var results = await Transport().SendAsync(batch);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal(batch.Recipients.Select(r => r.To.Address), results.Select(r => r.To));
        Assert.Equal([1000, 1000, 500], _fake.Accepted.Select(r => r.Personalizations.Count));
        var personalizations = _fake.Accepted.SelectMany(r => r.Personalizations).ToList();
        Assert.Equal(2500, personalizations.Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()).Distinct().Count());
        foreach (var (personalization, index) in personalizations.Select((p, i) => (p, i)))
        {
            var address = Address(index);
            Assert.Single(personalization.GetProperty("to").EnumerateArray());
            Assert.Equal(address, personalization.GetProperty("to")[0].GetProperty("email").GetString());
            Assert.Equal(UnsubscribeUrl(index), personalization.GetProperty("substitutions").GetProperty("-unsubscribeUrl-").GetString());
            Assert.Equal($"<{UnsubscribeUrl(index)}>", personalization.GetProperty("headers").GetProperty("List-Unsubscribe").GetString());
        }

        Assert.All(results.Take(1000), r => Assert.Equal(results[0].Detail, r.Detail));
        Assert.NotEqual(results[0].Detail, results[1000].Detail);
    }

    [Fact]
    public async Task TheRequestCarriesTheDocumentedShape()
    {
        var batch = Batch(1) with { Category = "daily-digest", Headers = new Dictionary<string, string> { ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" } };

        await Transport().SendAsync(batch);

        var request = Assert.Single(_fake.Accepted);
        Assert.Equal($"Bearer {SendGridFake.DefaultApiKey}", request.Authorization);
        var body = request.Body!.Value;
        Assert.Equal("digest@pcc.example.org", body.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Policing Innovation Digest", body.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("Your digest, -name-", body.GetProperty("subject").GetString());
        Assert.Equal(["text/plain", "text/html"], body.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Equal("List-Unsubscribe=One-Click", body.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Equal(["daily-digest"], body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(body.TryGetProperty("mail_settings", out _));
    }

    [Fact]
    public async Task SandboxModeAsksSendGridToValidateWithoutSending()
    {
        var results = await Transport(o => o.SandboxMode = true).SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        var body = Assert.Single(_fake.Accepted).Body!.Value;
        Assert.True(body.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task ARateLimitIsWaitedOutUntilItsResetAndThenEveryoneIsAccepted()
    {
        _fake.RateLimit(2, reset: s_now.AddSeconds(3));

        var results = await Transport().SendAsync(Batch(3));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal([429, 429, 202], _fake.Requests.Select(r => r.Status));
        // The first wait runs to the reset; the second finds the clock already past it and does not wait at all.
        Assert.Equal([TimeSpan.FromSeconds(3)], _delays.Waits);
    }

    [Fact]
    public async Task ARateLimitWithOnlyRetryAfterWaitsThatLong()
    {
        _fake.RetryAfter(1, TimeSpan.FromSeconds(7));

        var results = await Transport().SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal([429, 202], _fake.Requests.Select(r => r.Status));
        Assert.Equal([TimeSpan.FromSeconds(7)], _delays.Waits);
    }

    [Fact]
    public async Task ARateLimitResettingLaterThanTheRunWaitsDefersWithoutWaiting()
    {
        _fake.RateLimit(1, reset: s_now.AddHours(1));

        var results = await Transport().SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Deferred, r.Status));
        Assert.Contains("429", results[0].Detail);
        Assert.Single(_fake.Requests);
        Assert.Empty(_delays.Waits);
    }

    [Fact]
    public async Task TwoServerErrorsThenSuccessAreAcceptedOnTheThirdAttempt()
    {
        _fake.ServerError(2);

        var results = await Transport().SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal([500, 500, 202], _fake.Requests.Select(r => r.Status));
        Assert.Equal(2, _delays.Waits.Count);
        // Backoff with jitter: between half and all of 1 s, then of 2 s.
        Assert.InRange(_delays.Waits[0], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.InRange(_delays.Waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ServerErrorsOnEveryAttemptDeferTheRecipientsAfterMaxAttempts()
    {
        _fake.ServerError(10, status: 503);

        var results = await Transport(o => o.MaxAttempts = 3).SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Deferred, r.Status));
        Assert.Contains("503", results[0].Detail);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(2, _delays.Waits.Count);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutIsRetriedAndDefersTheRecipients()
    {
        _fake.Hang(10);

        var results = await Transport(o => { o.MaxAttempts = 2; o.Timeout = TimeSpan.FromMilliseconds(300); }).SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Deferred, r.Status));
        Assert.Contains("no answer", results[0].Detail);
        // Two attempts with one wait between them. The fake's own count is not asserted: an attempt can time out
        // before the fake has read its request, on a busy machine.
        Assert.Single(_delays.Waits);
        Assert.InRange(_fake.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task ABadRequestFailsWithSendGridsErrorTextAndIsNotRetried()
    {
        _fake.Refuse(1, 400, "The from address does not match a verified Sender Identity.", "from");

        var results = await Transport().SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Failed, r.Status));
        Assert.Equal("400 BadRequest: The from address does not match a verified Sender Identity. (from)", results[0].Detail);
        Assert.Single(_fake.Requests);
        Assert.Empty(_delays.Waits);
    }

    [Fact]
    public async Task AWrongApiKeyFailsWith401AndIsNotRetried()
    {
        var results = await Transport(o => o.ApiKey = "SG.not-the-key").SendAsync(Batch(1));

        var result = Assert.Single(results);
        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.StartsWith("401", result.Detail);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task ARefusedKeyIsLoggedAsAnErrorNamingTheStatusButNoAddressOrKey()
    {
        var logger = new FakeLogger<SendGridTransport>();

        await Transport(o => o.ApiKey = "SG.not-the-key", logger).SendAsync(Batch(1));

        var error = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.StartsWith("SendGrid refused the API key (401)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyWithoutMailSendScopeFailsWith403()
    {
        var results = await Transport(o => o.ApiKey = _fake.ReadOnlyApiKey).SendAsync(Batch(1));

        Assert.Equal(DeliveryStatus.Failed, results[0].Status);
        Assert.StartsWith("403", results[0].Detail);
    }

    [Fact]
    public async Task PayloadTooLargeFailsWith413AndIsNotRetried()
    {
        _fake.Refuse(1, 413, "Payload Too Large");

        var results = await Transport().SendAsync(Batch(2));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Failed, r.Status));
        Assert.StartsWith("413", results[0].Detail);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task SubstitutionsOver10000BytesFailThatRecipientWithoutARequestForThem()
    {
        var batch = Batch(2);
        var large = batch.Recipients[1] with { Substitutions = new Dictionary<string, string> { ["-name-"] = new string('é', 5001) } };
        batch = batch with { Recipients = [batch.Recipients[0], large] };

        var results = await Transport().SendAsync(batch);

        Assert.Equal(DeliveryStatus.Accepted, results[0].Status);
        Assert.Equal(DeliveryStatus.Failed, results[1].Status);
        Assert.Contains("10,000", results[1].Detail);
        Assert.Single(Assert.Single(_fake.Requests).Personalizations);
    }

    [Fact]
    public async Task AReservedHeaderFailsTheBatchWithoutARequest()
    {
        var batch = Batch(2) with { Headers = new Dictionary<string, string> { ["Reply-To"] = "someone@example.org" } };

        var results = await Transport().SendAsync(batch);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Failed, r.Status));
        Assert.Contains("reserved", results[0].Detail);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task AnInvalidOrRepeatedAddressFailsOnlyThatRecipient()
    {
        var batch = Batch(2);
        batch = batch with { Recipients = [batch.Recipients[0], new EmailRecipient(new EmailAddress("not an address")), batch.Recipients[0], batch.Recipients[1]] };

        var results = await Transport().SendAsync(batch);

        Assert.Equal([DeliveryStatus.Accepted, DeliveryStatus.Failed, DeliveryStatus.Failed, DeliveryStatus.Accepted], results.Select(r => r.Status));
        Assert.Equal(2, Assert.Single(_fake.Requests).Personalizations.Count);
    }

    [Fact]
    public async Task AnUnreachableServerIsRetriedAndThenDeferred()
    {
        var closed = Pcc.Testing.FreePort.Next();

        var results = await Transport(o => { o.BaseUri = new Uri($"http://127.0.0.1:{closed}"); o.MaxAttempts = 2; }).SendAsync(Batch(1));

        Assert.Equal(DeliveryStatus.Deferred, results[0].Status);
        Assert.Contains("could not reach SendGrid", results[0].Detail);
        Assert.Single(_delays.Waits);
    }

    [Fact]
    public async Task CancellationIsNotSwallowed()
    {
        _fake.Hang(1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Transport().SendAsync(Batch(1), cancel.Token));
    }

    private SendGridTransport Transport(Action<SendGridOptions>? configure = null, ILogger<SendGridTransport>? logger = null)
    {
        var options = new SendGridOptions { ApiKey = _fake.ApiKey, BaseUri = _fake.BaseUri };
        configure?.Invoke(options);
        var http = SendGridResilience.CreateHttpClient(options, _delays);
        _clients.Add(http);
        return new SendGridTransport(http, Options.Create(options), _delays, logger);
    }

    private static EmailBatch Batch(int recipients) => new(
        new EmailAddress("digest@pcc.example.org", "Policing Innovation Digest"),
        "Your digest, -name-",
        "<p>Hello -name-</p><p><a href=\"-unsubscribeUrl-\">Unsubscribe</a></p>",
        "Hello -name-\nUnsubscribe: -unsubscribeUrl-",
        [.. Enumerable.Range(0, recipients).Select(i => new EmailRecipient(new EmailAddress(Address(i), $"Reader {i}"))
        {
            Substitutions = new Dictionary<string, string> { ["-name-"] = $"Reader {i}", ["-unsubscribeUrl-"] = UnsubscribeUrl(i) },
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{UnsubscribeUrl(i)}>" },
        })]);

    private static string Address(int i) => $"reader{i}@example.org";

    private static string UnsubscribeUrl(int i) => $"https://pcc.example.org/unsubscribe?token=t{i}";
}
