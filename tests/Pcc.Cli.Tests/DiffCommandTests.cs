namespace Pcc.Cli.Tests;

public class DiffCommandTests
{
    [Fact]
    public void DiffJsonListsNewChangedRemovedAndUnchangedCaseStudies()
    {
        var run = Pcc.Run("diff", Pcc.Seed("001_88da988782738298.txt"), Pcc.Fixture("briefing-v2.txt"), "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(["new", "changed", "removed", "unchanged"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.GetProperty("new").GetArrayLength());
        Assert.Equal(1, json.GetProperty("removed").GetArrayLength());
        Assert.Equal(16, json.GetProperty("unchanged").GetArrayLength());

        var change = json.GetProperty("changed")[0];
        Assert.Equal(3, change.GetProperty("before").GetProperty("number").GetInt32());
        Assert.Equal(4, change.GetProperty("after").GetProperty("number").GetInt32());
        Assert.Equal(change.GetProperty("before").GetProperty("key").GetString(), change.GetProperty("after").GetProperty("key").GetString());
        Assert.Contains("[-39-]{+40+}", change.GetProperty("diff").GetString());
    }

    [Fact]
    public void TheSummaryCountsTheChangesAndShowsTheDiffs()
    {
        var run = Pcc.Run("diff", Pcc.Seed("001_88da988782738298.txt"), Pcc.Fixture("briefing-v2.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("1 new, 3 changed, 1 removed, 16 unchanged", run.Output);
        Assert.Contains("[-800-]{+900+}", run.Output);
        Assert.Contains("WEDINOS", run.Output);
    }

    [Fact]
    public void ComparingADocumentWithItselfFindsNoChanges()
    {
        var seed = Pcc.Seed("001_88da988782738298.txt");

        var run = Pcc.Run("diff", seed, seed);

        Assert.StartsWith("0 new, 0 changed, 0 removed, 20 unchanged", run.Output);
    }

    [Fact]
    public void AnUnreadableVersionExitsWithTwo()
    {
        var run = Pcc.Run("diff", Pcc.Seed("001_88da988782738298.txt"), "/nonexistent/v2.docx", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("v2.docx", run.Error);
    }
}
