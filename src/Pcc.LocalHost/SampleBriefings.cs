using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.LocalHost.Triggers;

namespace Pcc.LocalHost;

/// <summary>
/// The main job's first step: when the briefings container is empty, upload the sample briefings from
/// <c>seeds/*.txt</c>, wait for the blob trigger to ingest each one, and report what the catalogue now holds.
/// </summary>
public static class SampleBriefings
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    // seeds/ also holds the lists editors extend (themes.json, synonyms.txt); they are not briefings.
    private static bool IsBriefing(string path) => !string.Equals(Path.GetFileName(path), "synonyms.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Seeds and reports; does nothing when the container already has blobs or there is no <c>seeds/</c> folder.</summary>
    public static async Task RunAsync(LocalFunctionHost host, TextWriter output, CancellationToken cancellationToken)
    {
        var seeds = RepositoryLocator.Find(host.Options.RepositoryRoot) is { } root && Directory.Exists(Path.Combine(root, "seeds"))
            ? Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Where(IsBriefing).Order(StringComparer.Ordinal).ToList()
            : [];
        var container = host.Storage.GetBlobContainerClient(host.BriefingsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await foreach (var _ in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            output.WriteLine($"The {container.Name} container already holds briefings; no samples uploaded.");
            return;
        }

        if (seeds.Count == 0)
        {
            output.WriteLine("No seeds/*.txt found; no samples uploaded.");
            return;
        }

        var outcomes = new ConcurrentDictionary<string, TaskCompletionSource<BlobTriggerOutcome>>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            outcomes[Path.GetFileName(seed)] = new TaskCompletionSource<BlobTriggerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        void OnProcessed(BlobTriggerOutcome outcome)
        {
            if (outcome.Container == container.Name && outcomes.TryGetValue(outcome.BlobName, out var done))
            {
                done.TrySetResult(outcome);
            }
        }

        host.BlobProcessed += OnProcessed;
        try
        {
            output.WriteLine($"Uploading {seeds.Count} sample briefing(s) to {container.Name}/ …");
            foreach (var seed in seeds)
            {
                await container.GetBlobClient(Path.GetFileName(seed)).UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(seed, cancellationToken)), overwrite: true, cancellationToken);
            }

            var all = await Task.WhenAll(outcomes.Values.Select(o => o.Task)).WaitAsync(s_timeout, cancellationToken);
            await ReportAsync(host, all.OrderBy(o => o.BlobName, StringComparer.Ordinal), output, cancellationToken);
        }
        finally
        {
            host.BlobProcessed -= OnProcessed;
        }
    }

    private static async Task ReportAsync(LocalFunctionHost host, IEnumerable<BlobTriggerOutcome> outcomes, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.FrontDoorAddress, "api/") };
        var briefings = await http.GetFromJsonAsync<JsonElement>("briefings", cancellationToken);
        foreach (var outcome in outcomes)
        {
            var slug = briefings.EnumerateArray()
                .Where(b => b.GetProperty("blobName").GetString() == outcome.BlobName)
                .Select(b => b.GetProperty("slug").GetString())
                .FirstOrDefault();
            if (!outcome.Succeeded || slug is null)
            {
                output.WriteLine($"{outcome.BlobName}: not ingested — {outcome.LastResult.Error}");
                continue;
            }

            var briefing = await http.GetFromJsonAsync<JsonElement>($"briefings/{Uri.EscapeDataString(slug)}", cancellationToken);
            output.WriteLine(IngestSummary.Describe(briefing));
        }
    }
}
