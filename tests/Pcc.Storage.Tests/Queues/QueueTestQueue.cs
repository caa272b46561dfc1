using Pcc.Storage.Queues;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Queues;

/// <summary>Creates a fresh queue per test on the run's Azurite.</summary>
internal static class QueueTestQueue
{
    public static async Task<QueueClient> CreateAsync(AzuriteFixture fixture, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = Client(fixture, AzuriteFixture.UniqueName("q"), encoding);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    public static QueueClient Client(AzuriteFixture fixture, string name, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(new Uri($"{fixture.Azurite.QueueEndpoint}/{name}"),
            new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey),
            new QueueClientOptions { MessageEncoding = encoding });
}
