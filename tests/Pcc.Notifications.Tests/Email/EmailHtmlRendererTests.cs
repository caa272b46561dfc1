using AngleSharp.Html.Parser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using static Pcc.Notifications.Tests.Digests.Samples;

namespace Pcc.Notifications.Tests.Email;

public sealed class EmailHtmlRendererTests
{
    [Fact]
    public void TheStylesheetIsEmbeddedAndEveryRuleIsOnePreMailerCanInline()
    {
        Assert.Contains(".content {", EmailCss.Stylesheet);

        var result = EmailCss.Apply("<!DOCTYPE html><html><head><title>t</title></head><body><p class=\"muted period\">x</p></body></html>");

        Assert.Empty(result.Warnings);
        Assert.Equal("color:#555555;font-size:13px;margin:0 0 16px;", InlineStyle.Of(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Html).QuerySelector("p")));
    }

    [Fact]
    public async Task ManyEmailsRenderAtOnceEachWithItsOwnContent()
    {
        var renderer = new DigestRenderer(new DigestOptions { PublicBaseUrl = "https://pcc.example.org" }, EmailHtmlRenderer.Standalone);
        var audiences = Enumerable.Range(0, 24)
            .Select(i => Assert.Single(DigestPlanner.Plan(Daily, [New($"k{i}", title: $"Title {i} <&>")], [Recipient($"r{i}@example.org", Violence)]).Audiences))
            .ToList();

        var contents = await Task.WhenAll(audiences.Select(a => Task.Run(() => renderer.RenderAsync(Daily, a))));

        for (var i = 0; i < contents.Length; i++)
        {
            var link = new HtmlParser().ParseDocument(contents[i].Html).QuerySelector("h3 a")!;
            Assert.Equal(($"Title {i} <&>", $"https://pcc.example.org/case-studies/k{i}"), (link.TextContent, link.GetAttribute("href")));
        }
    }

    [Fact]
    public void AddEmailRegistersOneRendererForTheApp()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddEmail(configuration).AddEmail(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(EmailHtmlRenderer));
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<EmailHtmlRenderer>(), provider.GetRequiredService<EmailHtmlRenderer>());
    }

    [Fact]
    public async Task ACancelledRenderDoesNotStart()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EmailHtmlRenderer.Standalone.RenderAsync<EmailLayout>(
            new Dictionary<string, object?> { [nameof(EmailLayout.Title)] = "t" }, cancelled.Token));
    }
}
