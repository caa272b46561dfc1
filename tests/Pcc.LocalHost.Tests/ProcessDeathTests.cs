using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue;
using Pcc.Catalogue.Storage;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.LocalHost.Tests.Support;
using Pcc.LocalHost.Triggers;
using Pcc.Platform.Storage;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

public sealed class ProcessDeathTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Slug = "briefing";

    // The host runs as its own process with the app's worker (HostProcess); killing it ends the worker with it.
    [Fact]
    public async Task ADocumentWhoseIngestKeepsKillingTheHostEndsInThePoisonQueueAndDigestsKeepRunning()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var account = StorageConnection.FromConnectionString(fixture.Azurite.ConnectionString);
        // The app's own store on the host's names: its briefings, its receipts and its catalogue lock.
        var settings = UniqueStorage.Settings(id);
        settings["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCatalogue(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<PccStore>();
        var briefings = store.BriefingBlobs;
        var ingestions = store.Ingestions;
        var host = await HostProcess.StartAsync(fixture.Azurite, id);
        try
        {
            await briefings.CreateIfNotExistsAsync();
            await briefings.GetBlobClient("briefing.txt").UploadAsync(new BinaryData(SeedBriefing.Bytes));
            await Eventually.Async(() => CurrentVersionAsync(host), v => v == 1, "the good version", TimeSpan.FromSeconds(60));

            // The test holds the catalogue lock, so each attempt is stopped at a known point: counted, not finished.
            // The kill stands for what the deep document does to a reader without a depth limit (a stack overflow).
            var catalogueLock = await CatalogueLock.AcquireAsync(store, TimeSpan.FromSeconds(10), CancellationToken.None);
            var etag = IngestionPaths.Sanitise((await briefings.GetBlobClient("briefing.docx").UploadAsync(new BinaryData(DeepDocx()))).Value.ETag.ToString());
            for (var death = 1; death <= 5; death++)
            {
                await Eventually.Async(() => AttemptsAsync(ingestions, etag), n => n == death, $"attempt {death}", TimeSpan.FromSeconds(60));
                await host.KillAsync();
                await host.DisposeAsync();
                host = await HostProcess.StartAsync(fixture.Azurite, id);
            }

            await catalogueLock.DisposeAsync();
            var poison = PoisonQueue.Create(account, "test-" + id, "poison-" + id);
            var message = Assert.Single(await Eventually.Async(() => poison.ListAsync(), m => m.Count > 0, "the poison message", TimeSpan.FromSeconds(60)));
            Assert.Equal("briefing.docx", message.BlobName);

            var receipt = (await ingestions.GetEntityAsync<IngestionEntity>(Slug, etag)).Value;
            Assert.Equal((IngestStatus.Failed, true), (receipt.Status, receipt.Exhausted));
            Assert.Contains("stopped its process 5 times", receipt.Error);
            Assert.Equal(1, await CurrentVersionAsync(host));
            using var digest = await host.Http.PostAsync("admin/functions/SendImmediateAlerts", new StringContent("{\"input\":\"\"}", Encoding.UTF8, "application/json"));
            Assert.True(digest.IsSuccessStatusCode, $"The digest run answered {(int)digest.StatusCode}: {await digest.Content.ReadAsStringAsync()}\n{host.Output}");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<int> AttemptsAsync(Azure.Data.Tables.TableClient ingestions, string etag)
    {
        try
        {
            return (await ingestions.GetEntityIfExistsAsync<IngestionEntity>(Slug, etag)).ValueOrDefault()?.Attempts ?? 0;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static async Task<int> CurrentVersionAsync(HostProcess host)
    {
        using var response = await host.Http.GetAsync($"api/briefings/{Slug}");
        return response.StatusCode == HttpStatusCode.OK
            ? System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("currentVersion").GetInt32()
            : 0;
    }

    // word/document.xml = <w:body> + <w:p> x 100,000 + </w:p> x 100,000: 6 KB zipped.
    private static byte[] DeepDocx()
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            part.Write(new StringBuilder().Insert(0, "<w:p>", 100_000).Append(new StringBuilder().Insert(0, "</w:p>", 100_000)).ToString());
            part.Write("</w:body></w:document>");
        }

        return output.ToArray();
    }
}
