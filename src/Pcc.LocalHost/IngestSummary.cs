using Pcc.Briefings;
using System.Text.Json;

namespace Pcc.LocalHost;

/// <summary>One line per ingested briefing: title, case studies and themes, and what changed.</summary>
public static class IngestSummary
{
    /// <summary>
    /// Describes the current version of a briefing (<c>GET /api/briefings/{slug}</c>), e.g.
    /// <c>Public Safety, Public Trust: 20 case studies in 7 themes (20 new)</c>.
    /// </summary>
    public static string Describe(JsonElement briefing)
    {
        var current = briefing.GetProperty("versions").EnumerateArray().OrderByDescending(v => v.GetProperty("version").GetInt32()).First();
        var changes = new List<string>();
        foreach (var kind in new[] { "new", "changed", "removed" })
        {
            if (current.GetProperty(kind).GetInt32() is var count and > 0)
            {
                changes.Add($"{count} {kind}");
            }
        }

        var title = current.GetProperty("title").GetString();
        return $"{title}: {Quantity.CaseStudiesInThemes(current.GetProperty("caseStudies").GetInt32(), current.GetProperty("themes").GetInt32())} " +
            $"({(changes.Count > 0 ? string.Join(", ", changes) : "no changes")})";
    }
}
