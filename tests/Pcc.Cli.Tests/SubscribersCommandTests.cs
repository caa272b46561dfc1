using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Cli.Tests;

/// <summary><c>pcc subscribers export|erase</c> against the app's storage in the run's Azurite.</summary>
public sealed class SubscribersCommandTests
{
    [Fact]
    public async Task EraseLeavesTheAddressNowhereInStorageAndExportShowedItBefore()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var settings = UniqueStorage.Settings(id);
        var azurite = await Azurite.GetAsync();
        await using var app = await HostlessApp.CreateAsync(settings: settings, services: s => s.AddSingleton<IEmailTransport>(new NoEmail()));
        var address = $"Erase-Me-{id}@example.org";
        var subscriptions = app.GetRequiredService<SubscriptionService>();
        await subscriptions.AddConfirmedAsync(address, ["drug-harm"], DigestFrequency.Daily);
        await subscriptions.RequestAsync(address.ToLowerInvariant(), ["drug-harm"], DigestFrequency.Weekly);
        var batches = app.Store.DigestBatches;
        await batches.CreateIfNotExistsAsync();
        var batch = new JsonObject
        {
            ["windowId"] = "daily-x",
            ["recipients"] = new JsonArray(
                new JsonObject { ["subscriberId"] = SubscriberIds.ForAddress(address), ["email"] = address, ["manageUrl"] = "m", ["unsubscribeUrl"] = "u" },
                new JsonObject { ["subscriberId"] = "other", ["email"] = "someone-else@example.org", ["manageUrl"] = "m", ["unsubscribeUrl"] = "u" }),
        };
        await batches.GetBlobClient($"daily-x/{id}-00000.json").UploadAsync(new BinaryData(batch.ToJsonString()));
        StorageSettings.Overrides = settings;

        var export = Pcc.Run("subscribers", "export", address.ToUpperInvariant(), "--connection", azurite.ConnectionString);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains(address, export.Output, StringComparison.Ordinal);
        Assert.Single(export.Json.GetProperty("digestBatches").EnumerateArray());
        Assert.NotEmpty(await PlacesHoldingAsync(azurite, address));

        var erase = Pcc.Run("subscribers", "erase", address, "--connection", azurite.ConnectionString);

        Assert.Equal(0, erase.ExitCode);
        Assert.Empty(await PlacesHoldingAsync(azurite, address));
        Assert.Contains("someone-else@example.org", (await batches.GetBlobClient($"daily-x/{id}-00000.json").DownloadContentAsync()).Value.Content.ToString());
    }

    /// <summary>Every table entity, blob and queue message in the account that holds <paramref name="text"/>, any case.</summary>
    private static async Task<List<string>> PlacesHoldingAsync(Azurite azurite, string text)
    {
        var found = new List<string>();
        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await Tolerating404(async () =>
            {
                await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    if (entity.Any(p => Holds(p.Value?.ToString(), text)))
                    {
                        found.Add($"table {table.Name} {entity.PartitionKey}/{entity.RowKey}");
                    }
                }
            });
        }

        var blobs = new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await Tolerating404(async () =>
            {
                var client = blobs.GetBlobContainerClient(container.Name);
                await foreach (var blob in client.GetBlobsAsync())
                {
                    await Tolerating404(async () =>
                    {
                        if (Holds((await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString(), text))
                        {
                            found.Add($"blob {container.Name}/{blob.Name}");
                        }
                    });
                }
            });
        }

        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06));
        await foreach (var queue in queues.GetQueuesAsync())
        {
            await Tolerating404(async () =>
            {
                foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
                {
                    var body = message.Body.ToString();
                    if (Holds(body, text) || Holds(TryBase64(body), text))
                    {
                        found.Add($"queue {queue.Name} {message.MessageId}");
                    }
                }
            });
        }

        return found;
    }

    private static bool Holds(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static string? TryBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) ? System.Text.Encoding.UTF8.GetString(bytes, 0, length) : null;
    }

    // Other tests create and delete their own tables, containers and queues meanwhile.
    private static async Task Tolerating404(Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private sealed class NoEmail : IEmailTransport
    {
        public Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DeliveryResult>>([]);
    }
}
