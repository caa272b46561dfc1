using System.Text.Json;

namespace Pcc.LocalHost.Worker;

/// <summary>The prefix of HTTP functions' routes, host.json <c>extensions.http.routePrefix</c>, as the Functions host reads it.</summary>
public static class HttpRoutePrefix
{
    /// <summary>The default when host.json does not set one.</summary>
    public const string Default = "api";

    /// <summary>The prefix in <paramref name="appDirectory"/>'s host.json (an empty string puts functions at the site root).</summary>
    public static string Read(string appDirectory)
    {
        var path = System.IO.Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return Default;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return json.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!.Trim('/')
                : Default;
    }

    /// <summary>The path a function's route is served at.</summary>
    public static string Path(string prefix, string route) =>
        "/" + string.Join('/', new[] { prefix, route.Trim('/') }.Where(p => p.Length > 0));
}
