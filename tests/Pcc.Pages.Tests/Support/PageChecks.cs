using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pcc.Testing;

namespace Pcc.Pages.Tests.Support;

/// <summary>What every page visited in a test is held to, and the screenshot kept of it.</summary>
public static class PageChecks
{
    /// <summary>Where screenshots go: <c>artifacts/screenshots/</c> at the repository root (git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(RepositoryRoot.Combine("artifacts", "screenshots")).FullName;

    /// <summary>
    /// Checks the page as it is now: a title and a description, the stylesheet applied, and no serious or critical
    /// accessibility violation (axe-core); then saves a full-page screenshot named <paramref name="name"/>.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()), $"{name}: no title");
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("meta[name=description]").GetAttributeAsync("content")), $"{name}: no description");

        // The stylesheet loaded and applies: a page whose own policy blocked it would show unstyled.
        var rules = await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
        Assert.True(rules > 0, $"{name}: no stylesheet applies");

        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{name} ({page.Url}):\n{string.Join("\n", serious)}");

        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>
    /// A new page in a fresh context, at a phone's size when <paramref name="phone"/>. Every context connects from
    /// 127.0.0.1, so the tests of one site share its per-client rate limits (5 subscriptions a minute by default).
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, bool phone = false)
    {
        BrowserNewContextOptions options = phone
            ? new() { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true }
            : new() { ViewportSize = new() { Width = 1280, Height = 900 } };
        var context = await browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }
}
