using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pcc.Briefings.Tests;

/// <summary>
/// The whole parse of the seed briefing, pinned: every case study's key, number, theme, title, text and location, the
/// themes, title and warnings. A change to parsing that alters any of them shows here; when the change is meant, the
/// test leaves the new result beside the test assembly (<c>*.actual.json</c>) to replace the fixture with.
/// </summary>
public class SeedSnapshotTests
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void TheSeedBriefingParsesToTheRecordedCaseStudies() =>
        AssertMatchesSnapshot(Seeds.Parse(Seeds.Briefing, Seeds.BriefingName), "seed-briefing.json");

    [Fact]
    public void TheSeedBriefingSavedWithWindowsLineEndsParsesTheSame()
    {
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seeds.Briefing).Replace("\n", "\r\n"));
        AssertMatchesSnapshot(Seeds.Parse(crlf, Seeds.BriefingName), "seed-briefing.json");
    }

    [Fact]
    public void TheLaterVersionOfTheBriefingParsesToTheRecordedCaseStudies() =>
        AssertMatchesSnapshot(Seeds.Parse(Seeds.Fixture("briefing-v2.txt"), "briefing-v2.txt"), "briefing-v2.json");

    private static void AssertMatchesSnapshot(Briefing briefing, string snapshot)
    {
        var actual = JsonSerializer.Serialize(new { Briefing = briefing, briefing.FootnoteMarksRemoved }, s_json).ReplaceLineEndings("\n");
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Snapshots", snapshot)).ReplaceLineEndings("\n");
        if (actual != expected)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, Path.ChangeExtension(snapshot, ".actual.json")), actual);
        }

        Assert.Equal(expected, actual);
    }
}
