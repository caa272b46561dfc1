using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Notifications.Email;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>The handler with recorded email and a fake clock, and the calls a subscriber's browser or mail client makes.</summary>
public sealed partial class SubscriptionApp : IAsyncDisposable
{
    public const string Confirm = "api/subscriptions/confirm";
    public const string Me = "api/subscriptions/me";
    public const string Unsubscribe = "api/subscriptions/unsubscribe";
    public const string Client = "198.51.100.7";

    private SubscriptionApp(FunctionApp app, RecordingEmailTransport mail, FakeTimeProvider time)
    {
        App = app;
        Mail = mail;
        Time = time;
    }

    public FunctionApp App { get; }

    public RecordingEmailTransport Mail { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http => App.Http;

    /// <summary>
    /// Starts the app. Unless <paramref name="defaultRateLimits"/>, the per-client subscribe limit is lifted so tests
    /// that are not about it can subscribe freely from one client.
    /// </summary>
    public static async Task<SubscriptionApp> StartAsync(Azurite azurite, IReadOnlyDictionary<string, string?>? settings = null, bool defaultRateLimits = false)
    {
        var mail = new RecordingEmailTransport();
        var time = new FakeTimeProvider();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (!defaultRateLimits)
        {
            all.TryAdd("Subscriptions:RateLimits:SubscribePerClientPerMinute", "1000");
        }

        var app = await FunctionApp.StartAsync(azurite, settings: all, services: s =>
        {
            s.AddSingleton<IEmailTransport>(mail);
            s.AddSingleton<TimeProvider>(time);
        });
        return new SubscriptionApp(app, mail, time);
    }

    public Task<HttpResponseMessage> SubscribeAsync(string email, string[] themes, string frequency = "daily", string client = Client) =>
        PostJsonAsync(new { email, themes, frequency }, client);

    public async Task<HttpResponseMessage> PostJsonAsync(object body, string client = Client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/subscriptions") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", client);
        return await Http.SendAsync(request);
    }

    /// <summary>Subscribes and follows the link in the confirmation email; returns the manage token from the page.</summary>
    public async Task<string> SubscribeAndConfirmAsync(string email, string[] themes, string frequency = "daily")
    {
        using var subscribed = await SubscribeAsync(email, themes, frequency);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, subscribed.StatusCode);
        var page = await ConfirmAsync(Mail.To(email)[^1].Link(Confirm));
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

    /// <summary>The unsubscribe link a digest would carry, from the List-Unsubscribe header the app builds.</summary>
    public async Task<Uri> UnsubscribeLinkAsync(string email)
    {
        var subscriber = await StoredAsync(email) ?? throw new Xunit.Sdk.XunitException($"{email} is not stored.");
        var headers = await App.GetRequiredService<SubscriptionLinks>().UnsubscribeHeadersAsync(subscriber);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        return new Uri(headers["List-Unsubscribe"].TrimStart('<').Split('>')[0]);
    }

    public Task<Subscriber?> StoredAsync(string email) => App.GetRequiredService<SubscriberStore>().FindByAddressAsync(email);

    public async Task<List<Subscriber>> ActiveAsync(SubscriptionFrequency frequency)
    {
        var all = new List<Subscriber>();
        await foreach (var subscriber in App.GetRequiredService<SubscriberStore>().ListActiveAsync(frequency))
        {
            all.Add(subscriber);
        }

        return all;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    [GeneratedRegex(@"href=""[^""]*/api/subscriptions/me\?token=([A-Za-z0-9_-]+)""")]
    private static partial Regex ManageLink();
}
