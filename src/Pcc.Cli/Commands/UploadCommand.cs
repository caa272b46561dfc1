using System.CommandLine;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Storage;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc upload FILE [--name BLOB] [--note TEXT] [--editorial] [--wait]</c>: publishes a briefing (or a new version of
/// one: same blob name, any format) to the briefings container, with the editor's change note and corrections-only mark
/// in its metadata (<see cref="UploadNote"/>), and, with <c>--wait</c>, prints the ingest report once the app has written it.
/// </summary>
public static class UploadCommand
{
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pdf"] = "application/pdf",
    };

    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> connection)
    {
        var file = new Argument<FileInfo>("file") { Description = "The briefing document to publish." };
        var name = new Option<string?>("--name") { Description = "The blob name (default: the file name). A briefing's versions share one name." };
        var note = new Option<string?>("--note") { Description = $"Why this version was uploaded (at most {UploadNote.MaxLength} characters); subscribers see it with its changes." };
        var editorial = new Option<bool>("--editorial") { Description = "Corrections only: its changed case studies are minor corrections, emailed only to subscribers who ask for them." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the ingest and print its report." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the report.", DefaultValueFactory = _ => 120 };
        var command = new Command("upload", "Publish a briefing, or a new version of one, for ingestion.") { file, name, note, editorial, wait, timeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var source = parseResult.GetValue(file)!;
            if (!source.Exists)
            {
                error.WriteLine($"{source.FullName}: no such file.");
                return ExitCodes.Unreadable;
            }

            var blobName = parseResult.GetValue(name) ?? source.Name;
            await using var services = StorageSettings.Services(parseResult.GetValue(connection));
            var store = services.GetRequiredService<PccStore>();
            await store.BriefingBlobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var uploaded = await store.BriefingBlobs.GetBlobClient(blobName).UploadAsync(
                new BinaryData(await File.ReadAllBytesAsync(source.FullName, cancellationToken)),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = s_contentTypes.GetValueOrDefault(source.Extension, "application/octet-stream") },
                    Metadata = UploadNote.Of(parseResult.GetValue(note), parseResult.GetValue(editorial)).ToMetadata(),
                },
                cancellationToken);
            var etag = IngestionPaths.Sanitise(uploaded.Value.ETag.ToString());
            output.WriteLine($"Uploaded {source.Name} to {store.BriefingBlobs.Name}/{blobName} (ETag {etag}).");

            return parseResult.GetValue(wait)
                ? await WaitForReportAsync(store, blobName, etag, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), output, error, cancellationToken)
                : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> WaitForReportAsync(PccStore store, string blobName, string etag, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var slug = BriefingSlug.FromBlobName(blobName);
        var deadline = DateTime.UtcNow + timeout;
        output.WriteLine($"Waiting for the ingest of '{slug}'…");
        while (DateTime.UtcNow < deadline)
        {
            var receipt = await TryGetReceiptAsync(store, slug, etag, cancellationToken);
            if (receipt is { Status: IngestStatus.Completed or IngestStatus.Failed or IngestStatus.Held })
            {
                var summary = await store.Reports.GetBlobClient(IngestionPaths.Summary(receipt.Report)).DownloadContentAsync(cancellationToken);
                output.Write(summary.Value.Content.ToString());
                return receipt.Status switch
                {
                    IngestStatus.Completed => ExitCodes.Success,
                    IngestStatus.Held => ExitCodes.HeldForReview,
                    _ => ExitCodes.Unreadable,
                };
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        error.WriteLine($"No ingest report for {blobName} (ETag {etag}) after {timeout.TotalSeconds:0} s. Is the Function App (or the local host) running?");
        return ExitCodes.TimedOut;
    }

    private static async Task<IngestionEntity?> TryGetReceiptAsync(PccStore store, string slug, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.Ingestions.GetEntityIfExistsAsync<IngestionEntity>(slug, etag, cancellationToken: cancellationToken)).ValueOrDefault();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The app has not created its tables yet.
            return null;
        }
    }
}
