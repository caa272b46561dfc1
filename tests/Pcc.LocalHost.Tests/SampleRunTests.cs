using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;

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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Pcc.LocalHost.dll"), "--port", port.ToString(),
            "--BlobPort", FreePort.Next().ToString(), "--QueuePort", FreePort.Next().ToString(), "--TablePort", FreePort.Next().ToString(),
            "--SmtpPort", FreePort.Next().ToString(), "--MailWebPort", mailWeb.ToString(), "--host-id", "sample-" + Guid.NewGuid().ToString("N")[..8],
            "--repository", RepositoryRoot.Path, "--AppDirectory", FunctionAppBuild.Directory(RepositoryRoot.Path),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Process.Start(start)!;
        void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line?.StartsWith("Running.", StringComparison.Ordinal) == true)
            {
                running.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromMinutes(3));
            using var mail = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mailWeb}/") };
            var subjects = await TestHost.EventuallyAsync(
                async () => (await mail.GetFromJsonAsync<JsonElement>("email")).EnumerateArray().Select(e => e.GetProperty("subject").GetString() ?? "").ToList(),
                s => s.Any(subject => subject.Contains("20 new", StringComparison.Ordinal)),
                "the sample digest in MailDev");

            Assert.Contains(subjects, s => s.StartsWith("Confirm your subscription", StringComparison.Ordinal));
            Assert.Contains(subjects, s => s.StartsWith("20 updates in", StringComparison.Ordinal));
            lock (output)
            {
                Assert.Contains("Public Safety, Public Trust: 20 case studies in 7 themes (20 new)", output.ToString());
            }
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"{ex.Message}\nHost output:\n{output}");
            }
        }
        finally
        {
            // Ctrl+C as a user would stop it: the host stops the worker and the emulators it started.
            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
