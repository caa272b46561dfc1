using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Platform.Storage;

namespace Pcc.DigestLoad;

/// <summary>The ledger, the queue and the sender every role builds the same way over the coordinator's storage and fake.</summary>
internal sealed class BenchParts : IDisposable
{
    private readonly HttpClient _http;

    public BenchParts(BenchArguments arguments)
    {
        var storage = StorageConnection.FromConnectionString(arguments.Storage!);
        var suffix = arguments.Names!;
        Ledger = DigestLedger.Create(storage.CreateTableServiceClient(), storage.CreateBlobServiceClient(), $"DigestRuns{suffix}", $"Deliveries{suffix}", $"digest-batches-{suffix}");
        Queue = storage.CreateQueueServiceClient().GetQueueClient($"digest-batches-{suffix}");
        var sendGrid = new SendGridOptions { ApiKey = arguments.Key!, BaseUri = arguments.SendGrid! };
        _http = SendGridResilience.CreateHttpClient(sendGrid, TimeProvider.System);
        Transport = new SendGridTransport(_http, Options.Create(sendGrid), TimeProvider.System);
        Sender = new DigestBatchSender(Ledger, Transport, DigestOptions, Options.Create(new EmailOptions { FromAddress = "digest@pcc.example.org" }), TimeProvider.System);
    }

    public IOptions<DigestOptions> DigestOptions { get; } = Options.Create(new DigestOptions { PublicBaseUrl = "https://pcc.example.org" });

    public DigestLedger Ledger { get; }

    public QueueClient Queue { get; }

    public SendGridTransport Transport { get; }

    public DigestBatchSender Sender { get; }

    public void Dispose() => _http.Dispose();
}
