using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Pcc.Briefings.Comparison;
using Pcc.Catalogue.Reading.Models;
using Pcc.Catalogue.Storage;
using static Pcc.Functions.Pages.PageText;

namespace Pcc.Functions.Pages.Feeds;

/// <summary>
/// Atom 1.0 feeds of catalogue changes: one entry per new, changed or removed case study, with a stable id (its
/// case-study page plus the change's own key), the change as an HTML summary and a link to the case-study page.
/// </summary>
/// <remarks>
/// Each summary is rendered by <see cref="FeedEntrySummary"/> with <see cref="ComponentHtml"/> (every piece of text
/// encoded), and the syndication model writes that HTML escaped again as XML.
/// </remarks>
public static class AtomFeed
{
    /// <summary>The media type of an Atom feed.</summary>
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>Builds the feed whose own address is <paramref name="selfPath"/> and whose page is <paramref name="pagePath"/>.</summary>
    public static async Task<SyndicationFeed> BuildAsync(string title, string baseUrl, string selfPath, string pagePath, IReadOnlyList<ChangeView> changes, DateTimeOffset now)
    {
        var root = baseUrl.TrimEnd('/');
        var feed = new SyndicationFeed(title, "New, changed and removed case studies of the policing innovation catalogue.", new Uri(root + pagePath))
        {
            Id = root + selfPath,
            LastUpdatedTime = changes.Count > 0 ? changes[0].IngestedAt : now,
            Generator = "PccFunctions",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Policing Innovation Catalogue" });
        feed.Links.Add(new SyndicationLink(new Uri(root + selfPath), "self", title, "application/atom+xml", 0));
        var summaries = await ComponentHtml.RenderEachAsync<FeedEntrySummary>(
            changes.Select(change => new Dictionary<string, object?> { [nameof(FeedEntrySummary.Change)] = change }));
        feed.Items = changes.Select((change, i) => Entry(root, change, summaries[i].Trim())).ToList();
        return feed;
    }

    /// <summary>The feed as UTF-8 XML.</summary>
    public static byte[] Write(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Entry(string root, ChangeView change, string summary)
    {
        var page = new Uri($"{root}/case-studies/{Uri.EscapeDataString(change.Key)}");
        var item = new SyndicationItem
        {
            Id = $"{page.AbsoluteUri}#change-{ChangeEntity.RowKeyFor(change.IngestedAt, change.Briefing, change.Key)}",
            Title = new TextSyndicationContent($"{KindLabel(change.Kind, change.Grade)}: {change.Title}"),
            Summary = new TextSyndicationContent(summary, TextSyndicationContentKind.Html),
            LastUpdatedTime = change.IngestedAt,
            PublishDate = change.IngestedAt,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(page, "text/html"));
        item.Categories.Add(new SyndicationCategory(change.ThemeSlug, null, change.Theme));
        // The grade as a category too, so a feed reader can filter minor corrections out (or in).
        item.Categories.Add(change.Grade == ChangeGrade.Editorial
            ? new SyndicationCategory("editorial", null, "Minor correction")
            : new SyndicationCategory("substantive", null, "Substantive change"));
        return item;
    }
}
