using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Digests.Ledger;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Email.Smtp;
using Pcc.Platform.Storage;
using Pcc.Testing;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>A digest runner over a fresh ledger in Azurite, sending to MailDev, for one test.</summary>
internal sealed class DigestRunnerHarness
{
    private readonly Azurite _azurite;

    private DigestRunnerHarness(Azurite azurite, MailDev mailDev, DigestLedger ledger, BlobContainerClient contents, ManualClock clock)
    {
        _azurite = azurite;
        Contents = contents;
        MailDev = mailDev;
        Ledger = ledger;
        Clock = clock;
    }

    public MailDev MailDev { get; }

    public DigestLedger Ledger { get; }

    public ManualClock Clock { get; }

    /// <summary>The container the ledger keeps each batch's content and recipients in.</summary>
    public BlobContainerClient Contents { get; }

    public DigestOptions Options { get; } = new() { PublicBaseUrl = "https://pcc.example.org", MaxRecipientsPerBatch = 2 };

    public static async Task<DigestRunnerHarness> CreateAsync(Azurite azurite, MailDev mailDev)
    {
        var storage = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var runs = storage.GetTableClient(AzuriteFixture.UniqueName("runs"));
        var batches = storage.GetTableClient(AzuriteFixture.UniqueName("batches"));
        var contents = storage.GetBlobContainerClient(AzuriteFixture.UniqueName("batches"));
        var ledger = new DigestLedger(runs, batches, contents);
        await ledger.CreateTablesIfNotExistsAsync();
        return new DigestRunnerHarness(azurite, mailDev, ledger, contents, new ManualClock(Samples.Daily.End.AddMinutes(1)));
    }

    public SmtpTransport Smtp(int? port = null) => new(Microsoft.Extensions.Options.Options.Create(new SmtpOptions
    {
        Host = MailDev.Host,
        Port = port ?? MailDev.SmtpPort,
        Timeout = TimeSpan.FromSeconds(5),
    }));

    /// <summary>A runner that sends each batch in process through <paramref name="transport"/> (MailDev by default).</summary>
    public DigestRunner Runner(IDigestSource source, IEmailTransport? transport = null) => Runner(source, new InProcessBatchDispatcher(Sender(transport)));

    /// <summary>A runner that hands each batch to <paramref name="dispatcher"/>.</summary>
    public DigestRunner Runner(IDigestSource source, IDigestBatchDispatcher dispatcher) => new(
        source,
        Ledger,
        dispatcher,
        Sender(),
        EmailHtmlRenderer.Standalone,
        Microsoft.Extensions.Options.Options.Create(Options),
        Clock);

    /// <summary>What a queue-triggered function runs for each batch message.</summary>
    public DigestBatchSender Sender(IEmailTransport? transport = null) => new(
        Ledger,
        transport ?? Smtp(),
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new EmailOptions { FromAddress = "digest@pcc.example.org" }),
        Clock);

    /// <summary>Waits until MailDev holds <paramref name="expected"/> messages to these addresses in all, then a little longer, and counts per address.</summary>
    public async Task<Dictionary<string, int>> CountMailAsync(IReadOnlyList<string> addresses, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var counts = await CountOnceAsync(addresses);
            if (counts.Values.Sum() >= expected || DateTime.UtcNow > deadline)
            {
                // Anything more (a duplicate) would arrive within moments of the rest.
                await Task.Delay(MailDev.Settle);
                return await CountOnceAsync(addresses);
            }

            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, int>> CountOnceAsync(IReadOnlyList<string> addresses)
    {
        var all = await MailDev.ListAsync();
        var wanted = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return addresses.ToDictionary(a => a, a => all.Count(m => m.To.Any(t => string.Equals(t, a, StringComparison.OrdinalIgnoreCase))));
    }
}
