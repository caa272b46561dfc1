using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Storage;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc smoke --url APP --key KEY [--storage-account NAME]</c>: checks that a deployment works end to end. It uploads a
/// small briefing marked as a deployment check (<see cref="UploadNote.DeploymentCheck"/>: ingested and shown like any
/// other, never in a digest), waits for the app to ingest it, checks that the API, the case study's page, the feed and
/// search show it, then removes it with <c>DELETE /api/briefings/{slug}</c> and checks it is gone. One line per step,
/// and an exit code: 0 when every step passed.
/// </summary>
public static class SmokeCommand
{
    /// <summary>The theme the check's case study is filed under: any theme of the taxonomy would do.</summary>
    private const string Theme = "Supporting victims of crime";

    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> connection)
    {
        var url = new Option<string>("--url") { Description = "The app's address, e.g. https://func-pcc-xyz.azurewebsites.net (azd: AZURE_FUNCTION_APP_URL).", Required = true };
        var key = new Option<string?>("--key")
        {
            Description = "A function key of the app, for removing the check's briefing (az functionapp keys list … --query functionKeys.default; the local host prints its own). Default: PCC_FUNCTION_KEY.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PCC_FUNCTION_KEY"),
        };
        var account = new Option<string?>("--storage-account") { Description = "The app's storage account, reached as you (az login) instead of through --connection or AzureWebJobsStorage." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the ingest.", DefaultValueFactory = _ => 180 };
        var command = new Command("smoke", "Check a deployment: upload a marked briefing, see it ingested, shown, in the feed and searchable, then remove it.") { url, key, account, timeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!Uri.TryCreate(parseResult.GetValue(url), UriKind.Absolute, out var app) || app.Scheme is not ("https" or "http"))
            {
                error.WriteLine($"--url must be the app's http(s) address, e.g. https://func-pcc-xyz.azurewebsites.net; not '{parseResult.GetValue(url)}'.");
                return ExitCodes.Usage;
            }

            var functionKey = parseResult.GetValue(key);
            if (string.IsNullOrWhiteSpace(functionKey))
            {
                error.WriteLine("pcc smoke needs a function key to remove its briefing afterwards: pass --key or set PCC_FUNCTION_KEY.");
                return ExitCodes.Usage;
            }

            var storageAccount = parseResult.GetValue(account);
            await using var services = storageAccount is null
                ? StorageSettings.Services(parseResult.GetValue(connection))
                : StorageSettings.ServicesForAccount(storageAccount);
            using var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };
            var check = new Check(http, functionKey, services.GetRequiredService<PccStore>(), output, error);
            return await check.RunAsync(TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken);
        });
        return command;
    }

    /// <summary>One run of the check, with its marker word.</summary>
    private sealed class Check(HttpClient http, string functionKey, PccStore store, TextWriter output, TextWriter error)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _marker = "pccsmoke" + new string(RandomNumberGenerator.GetItems<char>("abcdefghijklmnopqrstuvwxyz", 10));
        private bool _failed;
        private string? _key;

        private string BlobName => $"deployment-check-{_marker}.md";

        private string Slug => BriefingSlug.FromBlobName(BlobName);

        public async Task<int> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            output.WriteLine($"Checking {http.BaseAddress} with a briefing marked '{_marker}'.");
            if (!await AnswersAsync(cancellationToken))
            {
                return Finish();
            }

            var uploaded = false;
            try
            {
                uploaded = await UploadAsync(cancellationToken);
                if (uploaded && await IngestedAsync(timeout, cancellationToken) is { } key)
                {
                    _key = key;
                    await ShownAsync(key, cancellationToken);
                }
            }
            finally
            {
                if (uploaded)
                {
                    await RemoveAsync(cancellationToken);
                }
            }

            return Finish();
        }

        private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var health = await http.GetAsync("api/health", cancellationToken);
                return Step(health.StatusCode == HttpStatusCode.OK, "the app answers: GET /api/health is 200",
                    $"GET /api/health answered {(int)health.StatusCode}: {await BodyAsync(health, cancellationToken)}");
            }
            catch (HttpRequestException ex)
            {
                return Step(false, "", $"the app does not answer at {http.BaseAddress}: {ex.Message}");
            }
        }

        private async Task<bool> UploadAsync(CancellationToken cancellationToken)
        {
            var document = $"""
                # Deployment check {_marker}

                ## Introduction

                This briefing checks a deployment of the catalogue. The deployment check uploads it and removes it again
                when the check ends.

                ## {Theme}

                Case study 1: The deployment check {_marker} confirms that a briefing uploaded to the briefings
                container is read, stored in the catalogue, shown on its page, listed in the feed and found by search,
                and that the app removes it again when asked.
                """;
            try
            {
                await store.BriefingBlobs.GetBlobClient(BlobName).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(document)), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" },
                    Metadata = new UploadNote(null, false, DeploymentCheck: true).ToMetadata(),
                }, cancellationToken);
                return Step(true, $"uploaded {store.BriefingBlobs.Name}/{BlobName}", "");
            }
            catch (RequestFailedException ex)
            {
                return Step(false, "", $"could not upload to {store.BriefingBlobs.Uri}: {ex.Status} {ex.ErrorCode}" +
                    (ex.Status == 403 ? " (this identity needs the Storage Blob Data Contributor role on the container)" : ""));
            }
        }

        // The key of the check's case study once the app has ingested it; null (and the step failed) otherwise.
        private async Task<string?> IngestedAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var response = await http.GetAsync($"api/briefings/{Slug}", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var briefing = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    if (briefing.GetProperty("currentVersion").GetInt32() > 0)
                    {
                        var key = briefing.GetProperty("versions")[0].GetProperty("changes").EnumerateArray()
                            .Select(c => c.GetProperty("key").GetString()).FirstOrDefault();
                        Step(key is not null, $"ingested: version 1 of '{Slug}', case study {key}", "the briefing was ingested without its case study");
                        return key;
                    }

                    if (briefing.GetProperty("failedUploads").GetInt32() > 0 || briefing.GetProperty("heldVersions").GetInt32() > 0)
                    {
                        Step(false, "", $"the app received the upload but did not publish it ({briefing.GetProperty("failedUploads").GetInt32()} failed, " +
                            $"{briefing.GetProperty("heldVersions").GetInt32()} held): its ingest report is in the reports container under {Slug}/");
                        return null;
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            Step(false, "", $"no ingest of {store.BriefingBlobs.Name}/{BlobName} after {timeout.TotalSeconds:0} s: the app did not pick up the upload. " +
                "Is the IngestBriefing blob trigger subscribed to blob-created events in that container (azd hooks run postdeploy), " +
                "and is the app running (GET /api/health)?");
            return null;
        }

        private async Task ShownAsync(string key, CancellationToken cancellationToken)
        {
            await ContainsAsync($"api/case-studies/{key}", "the API has the case study");
            await ContainsAsync($"case-studies/{key}", "its page shows it");
            await ContainsAsync("feeds/all.atom", "the feed lists it");
            await ContainsAsync($"search?q={_marker}", "search finds it", $"/case-studies/{key}");

            async Task ContainsAsync(string path, string what, string? expected = null)
            {
                using var response = await http.GetAsync(path, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Step(response.IsSuccessStatusCode && body.Contains(expected ?? _marker, StringComparison.Ordinal), $"{what}: GET /{path}",
                    response.IsSuccessStatusCode ? $"GET /{path} does not show the check's case study" : $"GET /{path} answered {(int)response.StatusCode}");
            }
        }

        private async Task RemoveAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/briefings/{Slug}");
            request.Headers.Add("x-functions-key", functionKey);
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    Step(false, "", $"the app refused the function key; remove the check's briefing with DELETE /api/briefings/{Slug} and a valid key");
                    return;
                }

                // An upload the app never ingested is only a blob: deleting it is the whole removal.
                var removed = response.StatusCode == HttpStatusCode.OK ||
                    (response.StatusCode == HttpStatusCode.NotFound && (await store.BriefingBlobs.DeleteBlobIfExistsAsync(BlobName, cancellationToken: CancellationToken.None)).Value);
                var body = await BodyAsync(response, cancellationToken);
                Step(removed, $"removed: DELETE /api/briefings/{Slug} {body}", $"DELETE /api/briefings/{Slug} answered {(int)response.StatusCode}: {body}");
                if (removed)
                {
                    using var gone = await http.GetAsync($"api/briefings/{Slug}", cancellationToken);
                    using var search = await http.GetAsync($"search?q={_marker}", cancellationToken);
                    var found = _key is not null && (await search.Content.ReadAsStringAsync(cancellationToken)).Contains($"/case-studies/{_key}", StringComparison.Ordinal);
                    Step(gone.StatusCode == HttpStatusCode.NotFound && !found, "gone: the API answers 404 and search finds nothing",
                        $"after removal GET /api/briefings/{Slug} answered {(int)gone.StatusCode} and search {(found ? "still finds it" : "finds nothing")}");
                }
            }
            catch (HttpRequestException ex)
            {
                Step(false, "", $"could not remove the check's briefing ({ex.Message}); remove it with DELETE /api/briefings/{Slug}");
            }
        }

        private bool Step(bool passed, string done, string failed)
        {
            var seconds = _clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            if (passed)
            {
                output.WriteLine($"  ok    {seconds,6} s  {done}");
            }
            else
            {
                _failed = true;
                output.WriteLine($"  FAIL  {seconds,6} s  {failed}");
                error.WriteLine($"pcc smoke: {failed}");
            }

            return passed;
        }

        private int Finish()
        {
            output.WriteLine(_failed
                ? $"The deployment check FAILED after {_clock.Elapsed.TotalSeconds:0.0} s."
                : $"The deployment check passed in {_clock.Elapsed.TotalSeconds:0.0} s.");
            return _failed ? ExitCodes.CheckFailed : ExitCodes.Success;
        }

        private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length > 300 ? body[..300] + "…" : body;
        }
    }
}
