using System.Text;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary><c>/summaries</c>: the weekly summaries written so far, newest first.</summary>
public static class SummariesPage
{
    /// <summary>Renders the list of weeks (ids such as <c>2026-W47</c>).</summary>
    public static WebPage Render(IReadOnlyList<string> weeks)
    {
        var html = new StringBuilder("<h1>Weekly summaries</h1><p>Every Monday, a summary of the week before: the briefings published and the case studies that were added, changed or removed.</p>");
        if (weeks.Count == 0)
        {
            html.Append("<p>No summary has been written yet.</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var week in weeks.OrderDescending(StringComparer.Ordinal))
            {
                html.Append("<li><a href=\"/summaries/").Append(Segment(week)).Append("\">Week ").Append(Encode(week)).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        return new WebPage("Weekly summaries", "Weekly summaries of new, changed and removed policing innovation case studies.", html.ToString());
    }
}
