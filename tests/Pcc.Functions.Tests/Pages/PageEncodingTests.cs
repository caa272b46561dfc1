using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Themes;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Pages;
using Pcc.Functions.Pages.Editor;
using Pcc.Functions.Pages.Readers;
using Pcc.Functions.Pages.Subscribers;
using Pcc.Functions.Subscriptions;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.Weekly;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Tests.Pages;

/// <summary>
/// Text from documents, editors' uploads, readers' queries and form posts, on every page where it shows: it must come
/// back as the same text, in element content and in attributes, and never as markup.
/// </summary>
public sealed class PageEncodingTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quotes\"";
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
    private static readonly ThemeTaxonomy s_taxonomy = ThemeTaxonomy.Default;
    private static readonly Theme s_hostileTheme = new("drug-harm", Hostile, []) { Description = Hostile };

    /// <summary>Each page with hostile text, and where that text must show as text or as an attribute's value.</summary>
    private static readonly Dictionary<string, (Func<WebPage> Page, Action<IHtmlDocument> Shows)> s_pages = new()
    {
        ["home: a change's case study and theme"] = (
            () => HomePage.Render([new ThemeView("drug-harm", Hostile, [], 1)], [Change(Hostile, Hostile)], s_taxonomy),
            d => AllText(d, "main ul.items a", Hostile, count: 3)),
        ["theme: its name, description and case studies"] = (
            () => ThemePage.Render(s_hostileTheme, [CaseStudy(Hostile)]),
            d =>
            {
                Assert.Equal($"{Hostile} – {PageLayout.SiteName}", d.Title);
                AllText(d, "h1", Hostile);
                AllText(d, "main h2 a", Hostile);
                Assert.Equal($"Case studies of {Hostile} in policing and criminal justice.", d.QuerySelector("meta[name=description]")!.GetAttribute("content"));
                Assert.Equal($"Changes in {Hostile}", d.QuerySelector("link[rel=alternate]")!.GetAttribute("title"));
            }),
        ["case study: its title, theme, place and history"] = (
            () => CaseStudyPage.Render(new CaseStudyDetail("key-1", CaseStudy(Hostile) with { Location = Hostile, Theme = Hostile, ThemeSlug = "no-such-theme" }, false,
                [new CaseStudyHistoryView("changed", Hostile, 2, s_at, 3, "drug-harm", Hostile, Hostile, TextDiff.Of([new(DiffPieceKind.Unchanged, "kept"), new(DiffPieceKind.Deleted, Hostile), new(DiffPieceKind.Inserted, Hostile), new(DiffPieceKind.Unchanged, "kept")]), Hostile, ChangeGrade.Editorial, Hostile)]), s_taxonomy),
            d =>
            {
                AllText(d, "h1", Hostile);
                Assert.Equal(Hostile, d.QuerySelector("main p.meta a")!.TextContent);
                Assert.Equal($"Found at {Hostile}", d.QuerySelectorAll("main p.meta")[2].TextContent);
                Assert.Equal($"[removed: {Hostile}]", d.QuerySelector("del")!.TextContent);
                Assert.Equal($"[added: {Hostile}]", d.QuerySelector("ins")!.TextContent);
            }),
        ["search: the query in the title, the box and the error"] = (
            () => SearchPage.Render(new SearchResults(new SearchQuery(Hostile), 0, []), s_taxonomy, Hostile),
            d =>
            {
                Assert.Equal(Hostile, ((IHtmlInputElement)d.QuerySelector("#q")!).Value);
                AllText(d, "[role=alert]", Hostile);
            }),
        ["search: the query in the title and the results"] = (
            () => SearchPage.Render(new SearchIndex([CaseStudy($"Naloxone {Hostile}")]).Search(new SearchQuery($"naloxone {Hostile}")), s_taxonomy, null),
            d =>
            {
                Assert.Equal($"Search: naloxone {Hostile} – {PageLayout.SiteName}", d.Title);
                Assert.Equal($"naloxone {Hostile}", ((IHtmlInputElement)d.QuerySelector("#q")!).Value);
                AllText(d, "main h3 a", $"Naloxone {Hostile}");
            }),
        ["briefings: a briefing's title"] = (
            () => BriefingsPage.Render([new BriefingSummary("my-briefing", Hostile, Hostile, 1, "docx", 2, s_at)]),
            d => AllText(d, "main td a", Hostile)),
        ["briefing: its title, file and case studies"] = (
            () => BriefingPage.Render(new BriefingView("my-briefing", Hostile, Hostile, 1, [], 0, 0, null, null),
                [new BriefingCaseStudyEntity { PartitionKey = "my-briefing", RowKey = "k", Key = "k", Title = Hostile, Theme = Hostile }]),
            d =>
            {
                AllText(d, "h1", Hostile);
                AllText(d, "main li a", Hostile);
                AllText(d, "main li span", Hostile);
            }),
        ["summary: briefings, themes and case studies"] = (
            () => SummaryPage.Render(new WeeklySummary(2026, 47, s_at, s_at.AddDays(7), [new WeeklyBriefing("b", Hostile, 1, s_at, 1)],
                [new WeeklyThemeCount("drug-harm", Hostile, 1, 0, 0)], [], [new WeeklyCaseStudy("k", Hostile, Hostile, "b", "u")])),
            d => AllText(d, "main a", Hostile, count: 3)),
        ["not found"] = (() => NotFoundPage.Render(Hostile), d => AllText(d, "main p", Hostile)),
        ["editor: an upload's name and error"] = (
            () => EditorPage.Render([new IngestionEntity { PartitionKey = "b", RowKey = "e", Status = IngestStatus.Failed, BlobName = Hostile, Error = Hostile, IngestedAt = s_at }], Hostile),
            d =>
            {
                AllText(d, "[role=alert]", Hostile);
                AllText(d, "main td a", Hostile);
                Assert.Equal($"Could not be read: {Hostile}", d.QuerySelector("tbody td:last-child")!.TextContent);
            }),
        ["ingest report: the file, warnings and case studies"] = (
            () => IngestReportPage.Render(new IngestionEntity(), new IngestionReport
            {
                BlobName = Hostile, Slug = "b", Etag = "e", Version = 1, IngestedAt = s_at, Status = IngestStatus.Ingested, Title = Hostile, Format = Hostile,
                Warnings = [Hostile], New = [new ReportCaseStudy("k", 1, "drug-harm", Hostile, Hostile, Hostile, Hostile) { AlsoIn = Hostile }],
                Changed = [new ReportChange(Report(), Report(), TextDiff.Of([new(DiffPieceKind.Deleted, Hostile)]))],
            }, BriefingTitles.None),
            d =>
            {
                AllText(d, "h1", Hostile);
                AllText(d, "main li", Hostile);
                Assert.Equal($"1. {Hostile}", d.QuerySelector("main ol li a")!.TextContent);
                Assert.Equal($"(also in {Hostile})", d.QuerySelectorAll("main ol li span")[1].TextContent);
            }),
        ["failed ingest report: the errors"] = (
            () => IngestReportPage.Render(new IngestionEntity(), new IngestionReport
            {
                BlobName = "b.doc", Slug = "b", Etag = "e", Version = 0, IngestedAt = s_at, Status = IngestStatus.Failed, Errors = [new ReportError("k", Hostile, Hostile)],
            }, BriefingTitles.None),
            d => Assert.Equal($"{Hostile} ({Hostile})", d.QuerySelector("[role=alert] li")!.TextContent)),
        ["reading an upload: its name"] = (() => IngestReportPage.Pending(Hostile, "/editor/ingests/b/e?file=" + Uri.EscapeDataString(Hostile)), d => AllText(d, "h1", $"Reading {Hostile}")),
        ["subscribe: what was typed and the errors"] = (
            () => SubscribePage.Form(s_taxonomy, new SubscribeForm(Hostile, [Hostile], Hostile), new Dictionary<string, string> { ["email"] = Hostile }),
            d =>
            {
                Assert.Equal(Hostile, ((IHtmlInputElement)d.QuerySelector("#email")!).Value);
                AllText(d, "[role=alert] li", Hostile);
            }),
        ["check your email: the address"] = (() => SubscribePage.CheckEmail(Hostile), d => AllText(d, "main strong", Hostile)),
        ["check your email: what is followed"] = (
            () => SubscribePage.CheckEmail("a@example.org", [new FollowedItem(FollowKind.CaseStudy, "k", Hostile)]),
            d => AllText(d, "main li", $"Case study: {Hostile}")),
        ["subscribe: the case study followed"] = (
            () => SubscribePage.Form(s_taxonomy, SubscribeForm.Empty, following: [new FollowedItem(FollowKind.Briefing, Hostile, Hostile)]),
            d =>
            {
                AllText(d, "#following li", $"Briefing: {Hostile}");
                Assert.Equal(Hostile, d.QuerySelector("input[name=briefings]")!.GetAttribute("value"));
            }),
        ["manage: the address and what was posted"] = (
            () => ManagePage.Invalid(Subscriber(), s_taxonomy, [new FollowedItem(FollowKind.CaseStudy, Hostile, Hostile, Removed: true)], [Hostile], [Hostile], [Hostile], Hostile, false,
                ["themes", "frequency", "caseStudies"], new Uri($"https://pcc.example.org/api/subscriptions/unsubscribe?token=a&x={Uri.EscapeDataString(Hostile)}")),
            d =>
            {
                AllText(d, "main p strong", Hostile);
                Assert.Equal(Hostile, d.QuerySelector("input[name=caseStudies]")!.GetAttribute("value"));
                Assert.StartsWith($" {Hostile}", d.QuerySelector("input[name=caseStudies]")!.ParentElement!.TextContent);
                Assert.Equal($"https://pcc.example.org/api/subscriptions/unsubscribe?token=a&x={Uri.EscapeDataString(Hostile)}", d.QuerySelector("main p a")!.GetAttribute("href"));
            }),
        ["subscribed: the address"] = (() => SubscriptionPages.Confirmed(Subscriber(), [], new Uri("https://pcc.example.org/api/subscriptions/me?token=t")), d => AllText(d, "main strong", Hostile)),
        ["subscribed: what is followed"] = (
            () => SubscriptionPages.Confirmed(Subscriber(), [new FollowedItem(FollowKind.Theme, "t", Hostile), new FollowedItem(FollowKind.CaseStudy, "k", Hostile)], new Uri("https://pcc.example.org/api/subscriptions/me?token=t")),
            d => Assert.Equal([$"Theme: {Hostile}", $"Case study: {Hostile}"], d.QuerySelectorAll("main li").Select(li => li.TextContent))),
        ["confirm: the address"] = (() => SubscriptionPages.ConfirmSubscription(Subscriber(), []), d => AllText(d, "main strong", Hostile)),
        ["unsubscribe: the address"] = (() => SubscriptionPages.ConfirmUnsubscribe(Subscriber()), d => AllText(d, "main strong", Hostile)),
        ["not active: the address"] = (() => ManagePage.NotActive(Subscriber()), d => AllText(d, "main strong", Hostile)),
    };

    public static TheoryData<string> Pages => [.. s_pages.Keys];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task UntrustedTextShowsAsTextAndNeverAsMarkup(string page)
    {
        var (render, shows) = s_pages[page];

        var html = await render().RenderAsync();
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"quotes\"", html, StringComparison.Ordinal);
        Assert.Empty(document.Scripts);
        Assert.Empty(document.QuerySelectorAll("[quotes]"));
        shows(document);
    }

    private static void AllText(IHtmlDocument document, string selector, string text, int count = 1)
    {
        var shown = document.QuerySelectorAll(selector).Select(e => e.TextContent).Where(t => t.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count >= count, $"'{selector}' shows the text {shown.Count} times, not {count}: {document.Body!.InnerHtml}");
    }

    private static CaseStudyView CaseStudy(string title) =>
        new("key-1", 3, "drug-harm", "Reducing the harm caused by drugs", title, $"Officers carry naloxone. {Hostile}", "page 2", "my-briefing", ["my-briefing"], s_at, s_at, Hostile, [new("other-briefing", Hostile)]);

    private static ChangeView Change(string title, string theme) =>
        new("new", "key-1", 3, "drug-harm", theme, title, "Text.", null, null, Hostile, 1, s_at, null, Hostile, null, ChangeGrade.Substantive, null);

    private static ReportCaseStudy Report() => new("k", 2, "drug-harm", Hostile, Hostile, Hostile, null);

    private static Subscriber Subscriber() => new("id", Hostile, ["drug-harm"], DigestFrequency.Daily, SubscriberStatus.Active, 1);
}
