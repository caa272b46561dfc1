using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Pcc.Functions.Pages;

/// <summary>
/// A server-rendered page as an ASP.NET Core result: a Razor component, which puts its content in
/// <see cref="PageLayout"/>, rendered to HTML by <see cref="ComponentHtml"/> with <see cref="Parameters"/>; every piece of
/// text and every attribute is HTML-encoded by the renderer. Pages carry no scripts; the headers forbid them, framing
/// and forms posting elsewhere. Pages reached with a token in the link (<see cref="Private"/>) are never cached, send
/// no referrer and ask not to be indexed.
/// </summary>
/// <remarks>
/// Each page component has static methods (<c>Render</c> and the like) that make its <see cref="WebPage"/> with
/// <see cref="Of{TComponent}"/>. The component reaches the page through a cascading value, so the layout can tell
/// whether it is private.
/// </remarks>
public sealed record WebPage : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private WebPage(Type component, IReadOnlyDictionary<string, object?> parameters) => (Component, Parameters) = (component, parameters);

    /// <summary>The page's component.</summary>
    public Type Component { get; }

    /// <summary>The component's parameters, by name.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>Whether the page is reached with a token in the link, or shows what only one person may see.</summary>
    public bool Private { get; init; }

    /// <inheritdoc />
    public int? StatusCode => Status;

    /// <inheritdoc />
    public string ContentType => "text/html; charset=utf-8";

    /// <summary>The page <typeparamref name="TComponent"/> with <paramref name="parameters"/> (by parameter name).</summary>
    public static WebPage Of<TComponent>(Dictionary<string, object?>? parameters = null, int status = StatusCodes.Status200OK, bool isPrivate = false)
        where TComponent : IComponent =>
        new(typeof(TComponent), parameters ?? []) { Status = status, Private = isPrivate };

    /// <summary>The whole document.</summary>
    public Task<string> RenderAsync() => ComponentHtml.RenderAsync<CascadingValue<WebPage>>(new()
    {
        [nameof(CascadingValue<WebPage>.Value)] = this,
        [nameof(CascadingValue<WebPage>.IsFixed)] = true,
        [nameof(CascadingValue<WebPage>.ChildContent)] = (RenderFragment)BuildComponent,
    });

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // Rendered first, so that a page that fails to render sends nothing but the error.
        var html = await RenderAsync();
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = Private ? "no-store" : "no-cache";
        response.Headers["Referrer-Policy"] = Private ? "no-referrer" : "strict-origin-when-cross-origin";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }

    private void BuildComponent(RenderTreeBuilder builder)
    {
        builder.OpenComponent(0, Component);
        foreach (var (name, value) in Parameters)
        {
            builder.AddComponentParameter(1, name, value);
        }

        builder.CloseComponent();
    }
}
