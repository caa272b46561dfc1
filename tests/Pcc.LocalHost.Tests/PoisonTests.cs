using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Pcc.Notifications.Storage;

namespace Pcc.LocalHost.Tests;

public sealed class PoisonTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ATransientFailureIsRetriedAndSucceedsWithoutAPoisonMessage()
    {
        var (test, container, _) = await StartFlakyAsync(fixture.Azurite, failFirst: 2);
        await using (test)
        {
            await test.UploadAsync(container, "doc.txt", [1, 2, 3]);

            await test.Log.WaitForAsync("Flaky", 3);
            await TestHost.EventuallyAsync(() => ReceiptCountAsync(test), n => n == 1, "the receipt");
            await Task.Delay(600);

            Assert.Equal(3, test.Log.Of("Flaky").Count);
            Assert.Empty(await test.Host.PoisonQueue.ListAsync());
        }
    }

    [Fact]
    public async Task AfterFiveFailedAttemptsTheBlobGoesToThePoisonQueueOnce()
    {
        var (test, container, _) = await StartFlakyAsync(fixture.Azurite, failFirst: 10);
        await using (test)
        {
            var etag = await test.UploadAsync(container, "bad/doc.txt", [1, 2, 3]);

            var messages = await TestHost.EventuallyAsync(() => test.Host.PoisonQueue.ListAsync(), m => m.Count > 0, "a poison message");
            await Task.Delay(800);

            Assert.Equal(5, test.Log.Of("Flaky").Count);
            var message = Assert.Single(await test.Host.PoisonQueue.ListAsync());
            Assert.Equal(new PoisonMessage("Host.Functions.Flaky", container.Name, "bad/doc.txt", etag), message with { MessageId = null });
            Assert.Equal("BlobTrigger", message.Type);
            Assert.Equal("BlockBlob", message.BlobType);

            // On the wire: base64 of the host's BlobTriggerMessage JSON.
            var raw = test.Host.Storage.GetQueueClient(test.Host.Options.PoisonQueueName, StorageConnection.QueueOptions(QueueMessageEncoding.None));
            var text = (await raw.PeekMessageAsync()).Value!.MessageText;
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            Assert.Equal(["Type", "FunctionId", "BlobType", "ContainerName", "BlobName", "ETag"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(etag, json.RootElement.GetProperty("ETag").GetString());
            Assert.Equal(1, await ReceiptCountAsync(test));
        }
    }

    [Fact]
    public async Task ReplayingAPoisonMessageProcessesTheBlobAgainAndEmptiesTheQueue()
    {
        var (test, container, failures) = await StartFlakyAsync(fixture.Azurite, failFirst: 5);
        await using (test)
        {
            await test.UploadAsync(container, "doc.txt", [1]);
            var message = (await TestHost.EventuallyAsync(() => test.Host.PoisonQueue.ListAsync(), m => m.Count > 0, "a poison message")).Single();
            Assert.Equal(5, test.Log.Of("Flaky").Count);

            Assert.True(await test.Host.PoisonQueue.ReplayAsync(message));

            await test.Log.WaitForAsync("Flaky", 6);
            await TestHost.EventuallyAsync(() => ReceiptCountAsync(test), n => n == 1, "the new receipt");
            await Task.Delay(600);
            Assert.Equal(6, test.Log.Of("Flaky").Count);
            Assert.Equal(6, failures.Calls);
            Assert.Empty(await test.Host.PoisonQueue.ListAsync());
        }
    }

    [Fact]
    public async Task AMessageThatIsNotBase64IsSkippedWhenListingAndStaysOnTheQueue()
    {
        var (test, container, _) = await StartFlakyAsync(fixture.Azurite, failFirst: 5);
        await using (test)
        {
            var etag = await test.UploadAsync(container, "bad/doc.txt", [1, 2, 3]);
            await TestHost.EventuallyAsync(() => test.Host.PoisonQueue.ListAsync(), m => m.Count > 0, "a poison message");
            var raw = test.Host.Storage.GetQueueClient(test.Host.Options.PoisonQueueName, StorageConnection.QueueOptions(QueueMessageEncoding.None));
            await raw.SendMessageAsync("not base64 {");

            var message = Assert.Single(await test.Host.PoisonQueue.ListAsync());
            Assert.Equal(etag, message.ETag);
            Assert.True(await test.Host.PoisonQueue.ReplayAsync(message));

            // The stranger was received while looking for the replayed message and is visible again at once.
            var left = Assert.Single((await raw.PeekMessagesAsync(32)).Value);
            Assert.Equal("not base64 {", left.Body.ToString());
        }
    }

    internal static async Task<(TestHost Test, BlobContainerClient Container, FlakyFunction.Failures Failures)> StartFlakyAsync(Azurite azurite, int failFirst)
    {
        var name = "flaky-" + Guid.NewGuid().ToString("N")[..12];
        var failures = new FlakyFunction.Failures(failFirst);
        var test = await TestHost.StartAsync(azurite, o =>
        {
            o.Settings["FlakyContainer"] = name;
            var configure = o.ConfigureApp;
            o.ConfigureApp = b =>
            {
                configure?.Invoke(b);
                b.Services.AddSingleton(failures);
            };
        }, FunctionDefinitions.Blob<FlakyFunction>("Flaky", "%FlakyContainer%/{name}"));
        var container = test.Host.Storage.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync();
        return (test, container, failures);
    }

    private static async Task<int> ReceiptCountAsync(TestHost test)
    {
        var hosts = test.Host.Storage.GetBlobContainerClient(BlobReceipts.ContainerName);
        var count = 0;
        await foreach (var _ in hosts.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"blobreceipts/{test.Host.Options.HostId}/Host.Functions.Flaky/", default))
        {
            count++;
        }

        return count;
    }
}
