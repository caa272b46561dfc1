using System.Net.Http.Json;
using System.Text.Json;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// The README's run command as a user runs it: the host process starts its own Azurite and MailDev (on free ports
/// here), ingests the seeds, subscribes and confirms the sample reader, and leaves a digest in MailDev.
/// </summary>
public sealed class SampleRunTests
{
    [Fact]
    public async Task TheSampleRunLeavesADigestOfTheSeedBriefingsInMailDev()
    {
        var port = FreePort.Next();
        var mailWeb = FreePort.Next();
        await using var host = HostProcess.Launch(port,
        [
            "--port", port.ToString(),
            "--BlobPort", FreePort.Next().ToString(), "--QueuePort", FreePort.Next().ToString(), "--TablePort", FreePort.Next().ToString(),
            "--SmtpPort", FreePort.Next().ToString(), "--MailWebPort", mailWeb.ToString(), "--host-id", "sample-" + Guid.NewGuid().ToString("N")[..8],
        ]);
        try
        {
            await Eventually.Async(() => Task.FromResult(host.Output), o => o.Contains("\nRunning.", StringComparison.Ordinal) || !host.IsRunning, "the host to be running", TimeSpan.FromMinutes(3));
            using var mail = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mailWeb}/") };
            var subjects = await Eventually.Async(
                async () => (await mail.GetFromJsonAsync<JsonElement>("email")).EnumerateArray().Select(e => e.GetProperty("subject").GetString() ?? "").ToList(),
                s => s.Any(subject => subject.Contains("20 new", StringComparison.Ordinal)),
                "the sample digest in MailDev");

            Assert.Contains(subjects, s => s.StartsWith("Confirm your subscription", StringComparison.Ordinal));
            Assert.Contains(subjects, s => s.StartsWith("20 updates in", StringComparison.Ordinal));
            // The digest reads in the briefing's order whichever document was ingested last: the write-up restates
            // two of the briefing's case studies, and the briefing (which numbers them) speaks for them.
            var digest = (await mail.GetFromJsonAsync<JsonElement>("email")).EnumerateArray()
                .First(e => e.GetProperty("subject").GetString()!.StartsWith("20 updates in", StringComparison.Ordinal));
            var themes = System.Text.RegularExpressions.Regex.Matches(digest.GetProperty("html").GetString()!, "<h2[^>]*>([^<]*)</h2>")
                .Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(7, themes.Count);
            Assert.Equal("Supporting the long-term recovery from the Covid-19 pandemic", themes[0]);
            Assert.Contains("Public Safety, Public Trust: 20 case studies in 7 themes (20 new)", host.Output);
            // seeds/ also holds the editors' synonyms list, which is not a briefing to upload.
            Assert.Contains("Uploading 2 sample briefing(s)", host.Output);
            // The key /admin needs is printed at start-up: here the one given with --admin-key.
            Assert.Contains($"Key            {host.AdminKey}", host.Output);
            // The console shows each function's own logs under its name, not the worker's request-by-request diagnostics.
            // Logged through the console logger's own queue, so not ordered with the lines printed directly: waited for.
            await Eventually.Async(() => Task.FromResult(host.Output), o => o.Contains("Function.IngestBriefing", StringComparison.Ordinal), "the ingest's own log lines");
            Assert.DoesNotContain("Request starting", host.Output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(host.Output, "→ version 1 of '001-88da988782738298'"));
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nHost output:\n{host.Output}");
        }
        finally
        {
            // Ctrl+C, as a user would stop it: the host stops the worker and the emulators it started.
            await host.InterruptAsync();
        }
    }
}
