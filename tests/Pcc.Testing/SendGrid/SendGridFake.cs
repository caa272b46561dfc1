using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pcc.Testing.SendGrid;

/// <summary>
/// An in-process stand-in for SendGrid's v3 Mail Send endpoint on a free loopback port. It enforces the documented
/// contract (POST /v3/mail/send only; Bearer API key, else 401, or 403 for a key without the Mail Send scope; a body
/// that is not <c>application/json</c> refused with 415; bodies over 30 MB refused with 413; the body rules in <see cref="SendGridContract"/> answered with 400 and SendGrid's
/// <c>{"errors":[{"message","field"}]}</c>) and answers 202 with an <c>X-Message-Id</c>, or 200 in sandbox mode.
/// Faults can be scripted: rate limiting, server errors, hanging and arbitrary refusals, each for the next N requests.
/// </summary>
public sealed class SendGridFake : IAsyncDisposable
{
    /// <summary>The key the fake accepts unless another is given.</summary>
    public const string DefaultApiKey = "SG.fake-mail-send-key";

    /// <summary>The largest body the fake accepts (Mail Send: "less than 30MB").</summary>
    public const long MaxRequestBytes = 30L * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _faults = new();
    private readonly ConcurrentQueue<SendGridFakeRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private SendGridFake(WebApplication app, string apiKey, bool keepBodies)
    {
        _app = app;
        ApiKey = apiKey;
        KeepsBodies = keepBodies;
    }

    /// <summary>Whether <see cref="Requests"/> keep each accepted body (a load run counts requests without holding their JSON).</summary>
    public bool KeepsBodies { get; }

    /// <summary>The base address to configure as <c>Email:SendGrid:BaseUri</c> (the SendGrid client's <c>Host</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The API key with the Mail Send scope.</summary>
    public string ApiKey { get; }

    /// <summary>A key that authenticates but lacks the Mail Send scope (answered with 403).</summary>
    public string ReadOnlyApiKey => ApiKey + "-read-only";

    /// <summary>Every request to /v3/mail/send, in arrival order.</summary>
    public IReadOnlyList<SendGridFakeRequest> Requests => [.. _requests];

    /// <summary>The requests answered with 2xx.</summary>
    public IReadOnlyList<SendGridFakeRequest> Accepted => [.. _requests.Where(r => r.Status is >= 200 and < 300)];

    /// <summary>Starts a fake on a free port; without <paramref name="keepBodies"/> it checks every body but keeps none.</summary>
    public static async Task<SendGridFake> StartAsync(string apiKey = DefaultApiKey, bool keepBodies = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var fake = new SendGridFake(app, apiKey, keepBodies);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUri = new Uri(address);
        return fake;
    }

    /// <summary>Answers the next <paramref name="times"/> requests with 429 and <c>X-RateLimit-Reset</c> at <paramref name="reset"/>.</summary>
    public void RateLimit(int times, DateTimeOffset reset) => Script(times, context =>
    {
        context.Response.Headers["X-RateLimit-Limit"] = "600";
        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        context.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ErrorAsync(context, 429, "too many requests", null);
    });

    /// <summary>Answers the next <paramref name="times"/> requests with 429 and only a <c>Retry-After</c> of <paramref name="after"/> (as a proxy in front of SendGrid might).</summary>
    public void RetryAfter(int times, TimeSpan after) => Script(times, context =>
    {
        context.Response.Headers.RetryAfter = ((long)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ErrorAsync(context, 429, "too many requests", null);
    });

    /// <summary>Answers the next <paramref name="times"/> requests with a server error.</summary>
    public void ServerError(int times, int status = 500) => Script(times, context => ErrorAsync(context, status, "Internal server error", null));

    /// <summary>Never answers the next <paramref name="times"/> requests; they end when the client gives up.</summary>
    public void Hang(int times) => Script(times, async context =>
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    });

    /// <summary>Refuses the next <paramref name="times"/> requests with <paramref name="status"/> and a SendGrid error body.</summary>
    public void Refuse(int times, int status, string message, string? field = null) =>
        Script(times, context => ErrorAsync(context, status, message, field));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private void Script(int times, Func<HttpContext, Task> fault)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/v3/mail/send")
        {
            await ErrorAsync(context, 404, "Not found", null);
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        JsonElement? body = null;
        try
        {
            body = await AnswerAsync(context, authorization);
        }
        finally
        {
            _requests.Enqueue(new SendGridFakeRequest(context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode, authorization, KeepsBodies ? body : null));
        }
    }

    private async Task<JsonElement?> AnswerAsync(HttpContext context, string authorization)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await ErrorAsync(context, 405, "Method not allowed", null);
            return null;
        }

        if (authorization == $"Bearer {ReadOnlyApiKey}")
        {
            await ErrorAsync(context, 403, "access forbidden", null);
            return null;
        }

        if (authorization != $"Bearer {ApiKey}")
        {
            await ErrorAsync(context, 401, "The provided authorization grant is invalid, expired, or revoked", null);
            return null;
        }

        // Mail Send takes JSON only ("Mail Send errors": 415 for any other media type).
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 415, "Content-Type should be application/json.", null);
            return null;
        }

        var raw = await ReadBodyAsync(context.Request);
        if (raw is null)
        {
            await ErrorAsync(context, 413, "Payload Too Large", null);
            return null;
        }

        if (_faults.TryDequeue(out var fault))
        {
            await fault(context);
            return Parse(raw);
        }

        if (Parse(raw) is not { } body)
        {
            await ErrorAsync(context, 400, "Bad Request", null);
            return null;
        }

        var errors = SendGridContract.Check(body);
        if (errors.Count > 0)
        {
            await WriteErrorsAsync(context, 400, errors);
            return body;
        }

        var sandbox = body.TryGetProperty("mail_settings", out var settings)
            && settings.TryGetProperty("sandbox_mode", out var mode)
            && mode.TryGetProperty("enable", out var enable)
            && enable.ValueKind == JsonValueKind.True;
        // In sandbox mode Mail Send validates the request and answers 200 without sending anything.
        context.Response.StatusCode = sandbox ? 200 : 202;
        if (!sandbox)
        {
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N")[..22];
        }

        return body;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        // Read to the end even when too large, so the client sees the 413 rather than a reset connection.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var tooLarge = false;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            tooLarge |= buffer.Length + read > MaxRequestBytes;
            if (!tooLarge)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return tooLarge ? null : buffer.ToArray();
    }

    private static JsonElement? Parse(byte[] raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string message, string? field) =>
        WriteErrorsAsync(context, status, [(message, field)]);

    private static Task WriteErrorsAsync(HttpContext context, int status, IEnumerable<(string Message, string? Field)> errors)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errors = errors.Select(e => new { message = e.Message, field = e.Field }) });
    }
}
