using AngleSharp.Html.Parser;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Html;
using Pcc.Notifications.Subscriptions;
using Pcc.Notifications.Tests.Email;

namespace Pcc.Notifications.Tests.Subscriptions;

public sealed class SubscriptionMailerTests
{
    private const string OddTheme = "Youth \"diversion\" & <b>prevention</b>";

    private readonly Recorder _sent = new();

    private SubscriptionMailer Mailer() => new(
        _sent,
        new SubscriptionOptions { ConfirmTokenLifetime = TimeSpan.FromDays(7) },
        new EmailAddress("digest@pcc.example.org"),
        new Dictionary<string, string> { ["youth"] = OddTheme, ["victims"] = "Supporting victims" },
        EmailHtmlRenderer.Standalone);

    [Fact]
    public async Task TheConfirmationLinksTheSignedUrlAndEscapesThemeNames()
    {
        var confirm = new Uri("https://pcc.example.org/api/subscriptions/confirm?token=abc.def&x=1");

        await Mailer().SendConfirmationAsync("reader@example.org", ["youth", "victims"], DigestFrequency.Weekly, confirm);

        var mail = Assert.Single(_sent.Batches);
        Assert.Equal(("Confirm your subscription", SubscriptionMailer.ConfirmationCategory), (mail.Subject, mail.Category));
        Assert.Contains("Youth \"diversion\" &amp; &lt;b&gt;prevention&lt;/b&gt;", mail.Html);
        Assert.Contains("href=\"https://pcc.example.org/api/subscriptions/confirm?token=abc.def&amp;x=1\"", mail.Html);
        var document = new HtmlParser().ParseDocument(mail.Html);
        Assert.Empty(document.QuerySelectorAll("b, style, [class]"));
        Assert.Equal([OddTheme, "Supporting victims"], document.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(confirm.AbsoluteUri, document.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Confirm your subscription", document.Title);
        Assert.Contains("Please confirm that you would like weekly emails about new and changed case studies in these themes:", document.Body!.TextContent);
        Assert.Contains("The link works for 7 days.", document.Body.TextContent);
        Assert.Contains("color:#1a4f9c;", InlineStyle.Of(document.QuerySelector("a")));
        Assert.Contains($"- {OddTheme}\n", mail.Text);
        Assert.Contains($"Confirm your subscription:\n{confirm.AbsoluteUri}\n", mail.Text);
    }

    [Fact]
    public async Task AnActiveSubscriberIsSentTheirManageLink()
    {
        var manage = new Uri("https://pcc.example.org/subscriptions/manage?token=m1");

        await Mailer().SendAlreadySubscribedAsync("reader@example.org", manage);

        var mail = Assert.Single(_sent.Batches);
        Assert.Equal(("You are already subscribed", SubscriptionMailer.AlreadySubscribedCategory), (mail.Subject, mail.Category));
        var document = new HtmlParser().ParseDocument(mail.Html);
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal((manage.AbsoluteUri, "Change your themes or how often you hear from us"), (link.GetAttribute("href"), link.TextContent));
        Assert.Contains("which is already subscribed. Nothing has changed.", document.Body!.TextContent);
        Assert.All(document.Body.QuerySelectorAll("p"), p => Assert.Contains("margin:0 0 12px;", InlineStyle.Of(p)));
        Assert.Contains(manage.AbsoluteUri, mail.Text);
    }

    [Fact]
    public async Task AConfirmationForACaseStudyAndABriefingSaysWhatEachIsAndEscapesTitles()
    {
        var confirm = new Uri("https://pcc.example.org/api/subscriptions/confirm?token=abc");

        await Mailer().SendConfirmationAsync("reader@example.org",
            [new FollowedItem(FollowKind.Theme, "victims", "Supporting victims"), new FollowedItem(FollowKind.Briefing, "b", "Public Safety, Public Trust"),
             new FollowedItem(FollowKind.CaseStudy, "k", OddTheme)], DigestFrequency.Daily, confirm);

        var mail = Assert.Single(_sent.Batches);
        var document = new HtmlParser().ParseDocument(mail.Html);
        Assert.Equal(["Theme: Supporting victims", "Briefing: Public Safety, Public Trust", $"Case study: {OddTheme}"], document.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Empty(document.QuerySelectorAll("b"));
        Assert.Contains("Please confirm that you would like daily emails about new, changed and removed case studies in:", document.Body!.TextContent);
        Assert.Contains($"- Case study: {OddTheme}\n", mail.Text);
        Assert.Contains("- Briefing: Public Safety, Public Trust\n", mail.Text);
    }

    [Fact]
    public async Task AnActiveSubscriberAskingForSomethingNewIsToldNothingChangedYetAndHowToAddIt()
    {
        var manage = new Uri("https://pcc.example.org/api/subscriptions/me?token=m1&addCaseStudy=k");

        await Mailer().SendAlreadySubscribedAsync("reader@example.org", manage, [new FollowedItem(FollowKind.CaseStudy, "k", "Checkpoint")]);

        var mail = Assert.Single(_sent.Batches);
        var document = new HtmlParser().ParseDocument(mail.Html);
        Assert.Equal("Case study: Checkpoint", Assert.Single(document.QuerySelectorAll("li")).TextContent);
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal((manage.AbsoluteUri, "Open your subscription to add it"), (link.GetAttribute("href"), link.TextContent));
        Assert.Contains("Nothing has changed yet.", document.Body!.TextContent);
        Assert.Contains($"- Case study: Checkpoint\n", mail.Text);
        Assert.Contains(manage.AbsoluteUri, mail.Text);
    }

    private sealed class Recorder : IEmailTransport
    {
        public List<EmailBatch> Batches { get; } = [];

        public Task<IReadOnlyList<DeliveryResult>> SendAsync(EmailBatch batch, CancellationToken cancellationToken = default)
        {
            Batches.Add(batch);
            return Task.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Recipients.Select(r => new DeliveryResult(r.To.Address, DeliveryStatus.Accepted, "recorded"))]);
        }
    }
}
