using System.Globalization;
using Azure.Storage.Blobs.Specialized;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Storage;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Ingestion;

/// <summary>A blob over the size limit is refused from its length: the worker never downloads it.</summary>
[Collection(IngestionCollection.Name)]
public sealed class OversizeBlobTests(AppFixture app)
{
    private const long OneGigabyte = 1L << 30;

    [Fact]
    public async Task AOneGigabyteBlobGetsAFailedReportWithoutTheWorkerReadingIt()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        await app.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var worker = WorkerMemory.Of(app.Host.Worker.ProcessId ?? throw new InvalidOperationException("No worker."));
        var peakBefore = worker.ResetPeak();

        // A page blob with no page written: 1 GiB long, yet Azurite holds no bytes of it.
        var etag = (await app.Briefings.GetPageBlobClient(name).CreateAsync(OneGigabyte)).Value.ETag.ToString();
        var receipt = (await app.WaitForReceiptAsync(slug, etag, r => r.Status != IngestStatus.Pending, "an outcome"))!;

        Assert.Equal(IngestStatus.Failed, receipt.Status);
        Assert.Contains($"{OneGigabyte.ToString("N0", CultureInfo.InvariantCulture)} bytes", receipt.Error, StringComparison.Ordinal);
        Assert.Contains($"{(20L << 20).ToString("N0", CultureInfo.InvariantCulture)} bytes", receipt.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await app.BriefingAsync(slug)).GetProperty("currentVersion").GetInt32());
        var grown = worker.PeakBytes() - peakBefore;
        Assert.True(grown < 50L << 20, $"The worker's peak memory grew by {grown / 1024 / 1024} MiB.");
    }
}

/// <summary>The resident memory of the worker process (the only child of the host's watchdog), from <c>/proc</c>.</summary>
internal sealed class WorkerMemory(int pid)
{
    public static WorkerMemory Of(int watchdogPid) =>
        new(int.Parse(File.ReadAllText($"/proc/{watchdogPid}/task/{watchdogPid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture));

    /// <summary>The peak resident memory so far (<c>VmHWM</c>).</summary>
    public long PeakBytes() => Status("VmHWM");

    /// <summary>Makes the peak the current resident memory (where the kernel allows it); returns the current resident memory.</summary>
    public long ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not allowed here: a later peak is still compared with the memory resident now, which only makes the check stricter.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Status("VmRSS");
    }

    private long Status(string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
