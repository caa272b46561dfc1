using Microsoft.Playwright;

namespace Pcc.Pages.Tests.Support;

/// <summary>
/// The system's Chromium (Debian package <c>chromium</c>), driven by Playwright without downloading a browser of its
/// own; one browser per test collection, a fresh context (cookies, storage) per test.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian installs it; <c>.ci/run</c> installs it when missing.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install it with 'apt-get install -y chromium' (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        // Root in a container has no user namespaces for Chromium's sandbox.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
