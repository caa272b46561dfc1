using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pcc.Notifications.Email.Html;

/// <summary>
/// Renders the HTML part of an email: a Razor component (each email's body inside <see cref="EmailLayout"/>) through
/// <see cref="HtmlRenderer"/>, then the email stylesheet moved into <c>style</c> attributes by <see cref="EmailCss"/>,
/// since mail clients drop style sheets. Razor encodes every value it writes; the components build no markup from text.
/// </summary>
/// <remarks>
/// Each render has an <see cref="HtmlRenderer"/> of its own, disposed when it is done: an <see cref="HtmlRenderer"/>
/// keeps every root component it rendered, with their parameters (a digest's whole audience), until it is disposed, so
/// one kept for the life of the app would grow with every email. This type holds nothing but its services and is safe
/// to use from any thread.
/// </remarks>
public sealed class EmailHtmlRenderer
{
    private static readonly IServiceProvider s_noServices = new ServiceCollection().BuildServiceProvider();

    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>The renderer the container builds: <paramref name="services"/> are what components could inject.</summary>
    public EmailHtmlRenderer(IServiceProvider services, ILoggerFactory? loggerFactory = null)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>A renderer for code outside a service container (tools, benchmarks, tests); components get no services.</summary>
    public static EmailHtmlRenderer Standalone { get; } = new(s_noServices);

    /// <summary>
    /// The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/> (by the components' parameter
    /// names), its CSS inlined.
    /// </summary>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(_services, _loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The renderer's state is only touched on its dispatcher: stay on it until the HTML is read.
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(true);
            return root.ToHtmlString();
        }).ConfigureAwait(false);
        return EmailCss.Inline(html);
    }
}
