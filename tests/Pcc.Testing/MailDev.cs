using System.Net.Http.Json;
using System.Text.Json;

namespace Pcc.Testing;

/// <summary>
/// One MailDev per test run, on free SMTP and web ports, started from the repository's <c>node_modules</c> and
/// stopped when the test process exits; with a small client for its REST API (maildev 2.2.1 <c>lib/routes.js</c>).
/// Tests isolate themselves by sending to unique addresses rather than clearing the inbox.
/// </summary>
public sealed class MailDev
{
    private static readonly PerTestRun<MailDev> s_shared = new(StartAsync, mailDev => mailDev._tool);

    private readonly NodeTool _tool;
    private readonly HttpClient _http;

    private MailDev(NodeTool tool, int smtpPort, int webPort)
    {
        _tool = tool;
        SmtpPort = smtpPort;
        WebUri = new Uri($"http://127.0.0.1:{webPort}/");
        _http = new HttpClient { BaseAddress = WebUri };
    }

    /// <summary>The host MailDev listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The SMTP port.</summary>
    public int SmtpPort { get; }

    /// <summary>The web UI and REST API.</summary>
    public Uri WebUri { get; }

    /// <summary>Returns the test run's MailDev, starting it on first use.</summary>
    public static Task<MailDev> GetAsync() => s_shared.GetAsync();

    /// <summary>Every message in the inbox (<c>GET /email</c>).</summary>
    public async Task<IReadOnlyList<MailDevMessage>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var document = await JsonDocument.ParseAsync(await _http.GetStreamAsync("email", cancellationToken), cancellationToken: cancellationToken);
        return [.. document.RootElement.EnumerateArray().Select(MailDevMessage.Read)];
    }

    /// <summary>The messages to one address (<c>GET /email?to.address=…</c>).</summary>
    public async Task<IReadOnlyList<MailDevMessage>> ListToAsync(string address, CancellationToken cancellationToken = default)
    {
        var uri = $"email?to.address={Uri.EscapeDataString(address)}";
        using var document = await JsonDocument.ParseAsync(await _http.GetStreamAsync(uri, cancellationToken), cancellationToken: cancellationToken);
        return [.. document.RootElement.EnumerateArray().Select(MailDevMessage.Read)];
    }

    /// <summary>How long MailDev may take to store a message after its SMTP reply: wait this long before concluding no (further) mail came.</summary>
    public static TimeSpan Settle { get; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The messages to one address once any message still being stored has landed (<see cref="Settle"/>).</summary>
    public async Task<IReadOnlyList<MailDevMessage>> ListToSettledAsync(string address, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Settle, cancellationToken);
        return await ListToAsync(address, cancellationToken);
    }

    /// <summary>Waits until a message to <paramref name="address"/> has arrived (MailDev stores mail after the SMTP reply).</summary>
    public async Task<MailDevMessage> WaitForAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = await ListToAsync(address);
            if (messages.Count > 0)
            {
                return messages[^1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {address} reached MailDev within {timeout ?? TimeSpan.FromSeconds(10)}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Empties the inbox (<c>DELETE /email/all</c>). Tests should prefer unique addresses.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("email/all", cancellationToken);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadFromJsonAsync<bool>(cancellationToken);
    }

    private static async Task<MailDev> StartAsync()
    {
        var (tool, ports) = await NodeTool.StartOnFreePortsAsync("maildev", "bin/maildev", 2,
            ports => ["--smtp", ports[0].ToString(), "--web", ports[1].ToString(), "--ip", "127.0.0.1", "--silent"]);
        return new MailDev(tool, ports[0], ports[1]);
    }
}
