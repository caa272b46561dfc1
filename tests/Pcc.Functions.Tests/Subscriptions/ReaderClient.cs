using Pcc.Notifications.Digests;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>
/// One reader's browser and mail client against the worker: requests through the front door from a loopback address of
/// their own, mail read from MailDev. The app counts rate limits per client by the first <c>X-Forwarded-For</c> address,
/// which the host (YARP's default transforms, as on the Functions host) sets to the address that connected to it; so
/// each reader connects from its own address in 127.0.0.0/8 and tests never share a client's allowance.
/// </summary>
public sealed partial class ReaderClient : IDisposable
{
    public const string Confirm = "api/subscriptions/confirm";
    public const string Me = "api/subscriptions/me";
    public const string Unsubscribe = "api/subscriptions/unsubscribe";

    private static int s_clients;

    private readonly Dictionary<string, HttpClient> _others = [];

    public ReaderClient(AppFixture app)
    {
        App = app;
        Client = NextClient();
        Http = From(Client);
    }

    public AppFixture App { get; }

    /// <summary>This reader's client address.</summary>
    public string Client { get; }

    /// <summary>A client for the front door connecting from this reader's address.</summary>
    public HttpClient Http { get; }

    /// <summary>A loopback address no other reader in this process connects from (127.0.0.1 is left to everyone else).</summary>
    public static string NextClient()
    {
        var n = Interlocked.Increment(ref s_clients);
        return $"127.{1 + (n / 62500)}.{1 + (n / 250 % 250)}.{1 + (n % 250)}";
    }

    /// <summary>
    /// Waits, if need be, for the next of the limits' fixed one-minute windows (<see cref="Pcc.Functions.Subscriptions.RateLimitCounters.Window"/>,
    /// aligned to the clock the worker shares with this process) so that a burst taking up to <paramref name="burst"/>
    /// is counted in one window: a burst split over two is half counted in each, as it would be in production.
    /// </summary>
    public static async Task StartOfWindowAsync(TimeSpan burst)
    {
        var window = Pcc.Functions.Subscriptions.RateLimitCounters.Window;
        var left = window - TimeSpan.FromTicks(DateTime.UtcNow.Ticks % window.Ticks);
        if (left < burst)
            await Task.Delay(left + TimeSpan.FromMilliseconds(200));
    }

    /// <summary>A client for the front door connecting from <paramref name="client"/> (kept and disposed with this reader).</summary>
    public HttpClient From(string client)
    {
        lock (_others)
        {
            if (!_others.TryGetValue(client, out var http))
            {
                var local = new IPEndPoint(IPAddress.Parse(client), 0);
                http = new HttpClient(new SocketsHttpHandler
                {
                    // Bind the connection's own end to the client's address, as a browser on another machine would have its own.
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            socket.Bind(local);
                            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                })
                {
                    BaseAddress = App.Host.FrontDoorAddress,
                };
                _others[client] = http;
            }

            return http;
        }
    }

    public Task<HttpResponseMessage> SubscribeAsync(string email, string[] themes, string frequency = "daily", string? client = null) =>
        PostJsonAsync(new { email, themes, frequency }, client);

    public Task<HttpResponseMessage> PostJsonAsync(object body, string? client = null) =>
        From(client ?? Client).PostAsJsonAsync("api/subscriptions", body);

    /// <summary>Subscribes, waits for the confirmation email and presses Confirm on its link's page; returns the manage token from the page.</summary>
    public async Task<string> SubscribeAndConfirmAsync(string email, string[] themes, string frequency = "daily")
    {
        var before = (await MailToAsync(email)).Count;
        using var subscribed = await SubscribeAsync(email, themes, frequency);
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var page = await ConfirmAsync((await WaitForMailAsync(email, before + 1))[^1].Link(Confirm));
        return ManageToken(page);
    }

    /// <summary>Presses the Confirm button of a confirmation link's page: a POST to the link itself.</summary>
    public async Task<string> ConfirmAsync(Uri link)
    {
        using var response = await Http.PostAsync(link, new FormUrlEncodedContent([]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {link} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<string> GetStringAsync(Uri link)
    {
        using var response = await Http.GetAsync(link);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {link} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static string ManageToken(string page) =>
        ManageLink().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"No manage link in:\n{page}");

    public Task<HttpResponseMessage> PutMeAsync(string token, string[] themes, string frequency) =>
        Http.PutAsJsonAsync($"{Me}?token={token}", new { themes, frequency });

    /// <summary>What a mail client does for RFC 8058 one-click unsubscribe.</summary>
    public Task<HttpResponseMessage> OneClickUnsubscribeAsync(Uri link) =>
        Http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    /// <summary>The unsubscribe link a digest would carry, from the List-Unsubscribe header the app's own services build.</summary>
    public async Task<Uri> UnsubscribeLinkAsync(string email)
    {
        var subscriber = await StoredAsync(email) ?? throw new Xunit.Sdk.XunitException($"{email} is not stored.");
        var headers = await App.GetRequiredService<SubscriptionLinks>().UnsubscribeHeadersAsync(subscriber);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        return new Uri(headers["List-Unsubscribe"].TrimStart('<').Split('>')[0]);
    }

    /// <summary>The subscriber as the worker stored it.</summary>
    public Task<Subscriber?> StoredAsync(string email) => App.GetRequiredService<SubscriberStore>().FindByAddressAsync(email);

    /// <summary>Which of <paramref name="addresses"/> the active list for <paramref name="frequency"/> holds (other tests' subscribers share the worker).</summary>
    public async Task<List<Subscriber>> ActiveAsync(DigestFrequency frequency, params string[] addresses)
    {
        var found = new List<Subscriber>();
        await foreach (var subscriber in App.GetRequiredService<SubscriberStore>().ListActiveAsync(frequency))
        {
            if (addresses.Contains(subscriber.Address, StringComparer.Ordinal))
            {
                found.Add(subscriber);
            }
        }

        return found;
    }

    /// <summary>The mail MailDev holds for <paramref name="address"/>, oldest first.</summary>
    public Task<IReadOnlyList<MailDevMessage>> MailToAsync(string address) => App.MailDev.ListToAsync(address);

    /// <summary>Waits until MailDev holds at least <paramref name="count"/> messages for <paramref name="address"/>.</summary>
    public Task<IReadOnlyList<MailDevMessage>> WaitForMailAsync(string address, int count = 1) =>
        Eventually.Async(() => MailToAsync(address), m => m.Count >= count, $"{count} message(s) to {address}", TimeSpan.FromSeconds(30));

    /// <summary>Waits for <paramref name="count"/> messages to <paramref name="address"/>, then a moment more to see that no other arrives.</summary>
    public async Task<IReadOnlyList<MailDevMessage>> ExactMailToAsync(string address, int count)
    {
        if (count > 0)
        {
            await WaitForMailAsync(address, count);
        }

        await Task.Delay(MailDev.Settle);
        var messages = await MailToAsync(address);
        Assert.True(messages.Count == count, $"{address} got {messages.Count} message(s), not {count}.");
        return messages;
    }

    /// <summary>Asserts that, after a moment, MailDev holds no message to an address containing <paramref name="part"/>.</summary>
    public async Task AssertNoMailToAnyAddressWithAsync(string part)
    {
        await Task.Delay(MailDev.Settle);
        var sent = (await App.MailDev.ListAsync()).Where(m => m.To.Any(t => t.Contains(part, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(sent.Count == 0, $"Mail was sent to {string.Join(", ", sent.SelectMany(m => m.To))}.");
    }

    public void Dispose()
    {
        lock (_others)
        {
            foreach (var http in _others.Values)
            {
                http.Dispose();
            }
        }
    }

    [GeneratedRegex(@"href=""[^""]*/api/subscriptions/me\?token=([A-Za-z0-9_-]+)""")]
    private static partial Regex ManageLink();
}
