using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pcc.Functions.Pages;

/// <summary>
/// The site's Razor components rendered to HTML by <see cref="HtmlRenderer"/>, which encodes every piece of text and
/// every attribute. The components are functions of their parameters: they inject no services.
/// </summary>
internal static class ComponentHtml
{
    private static readonly IServiceProvider s_noServices = new ServiceCollection().BuildServiceProvider();

    /// <summary>The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/> (by parameter name).</summary>
    public static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        (await RenderEachAsync<TComponent>([parameters]))[0];

    /// <summary>The HTML of <typeparamref name="TComponent"/> with each of <paramref name="parameters"/>, in order, from one renderer.</summary>
    public static async Task<IReadOnlyList<string>> RenderEachAsync<TComponent>(IEnumerable<Dictionary<string, object?>> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(s_noServices, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new List<string>();
            foreach (var p in parameters)
            {
                html.Add((await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(p))).ToHtmlString());
            }

            return html;
        });
    }
}
