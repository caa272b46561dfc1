using System.Text;
using Pcc.Catalogue.Reading.Models;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Readers;

/// <summary>The line under a case study's title: its number, briefings and when it last changed.</summary>
public static class CaseStudyMeta
{
    /// <summary>The line as HTML.</summary>
    public static string Line(CaseStudyView c)
    {
        var html = new StringBuilder();
        if (c.Number is { } number)
        {
            html.Append("Case study ").Append(number).Append(" · ");
        }

        var sources = c.Sources.Count > 0 ? c.Sources : [c.Briefing];
        html.Append(string.Join(", ", sources.Select(s => $"<a href=\"/briefings/{Segment(s)}\">{Encode(s)}</a>")))
            .Append(" · changed ").Append(Date(c.LastChanged));
        return html.ToString();
    }
}
