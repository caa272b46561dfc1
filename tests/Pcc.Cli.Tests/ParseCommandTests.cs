using System.Text.Json;

namespace Pcc.Cli.Tests;

public class ParseCommandTests
{
    [Fact]
    public void ParseJsonHasTheDocumentedShape()
    {
        var run = Pcc.Run("parse", Pcc.Seed("001_88da988782738298.txt"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var json = run.Json;
        Assert.Equal("Public Safety, Public Trust", json.GetProperty("title").GetString());
        Assert.Equal("text", json.GetProperty("format").GetString());
        Assert.Equal(7, json.GetProperty("themes").GetArrayLength());
        Assert.All(json.GetProperty("themes").EnumerateArray(), t => Assert.Equal(["slug", "name"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(20, json.GetProperty("caseStudies").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);

        var third = json.GetProperty("caseStudies")[2];
        Assert.Equal(["key", "number", "themeSlug", "theme", "title", "text", "location"], third.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, third.GetProperty("number").GetInt32());
        Assert.Equal("violence-and-exploitation", third.GetProperty("themeSlug").GetString());
        Assert.Equal("Tackling violence and exploitation", third.GetProperty("theme").GetString());
        Assert.Equal("line 70", third.GetProperty("location").GetString());
    }

    [Fact]
    public void UnlabelledCaseStudiesHaveANullNumber()
    {
        var run = Pcc.Run("parse", "--json", Pcc.Seed("000_175f4da499abf29a.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Json.GetProperty("caseStudies").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("number").ValueKind));
    }

    [Theory]
    [InlineData("briefing-part.md", "markdown")]
    [InlineData("briefing-part.html", "html")]
    [InlineData("briefing-part.docx", "docx")]
    public void TheFormatIsNamedInLowerCase(string fixture, string format)
    {
        var run = Pcc.Run("parse", Pcc.Fixture(fixture), "--json");

        Assert.Equal(format, run.Json.GetProperty("format").GetString());
    }

    [Fact]
    public void TheSummaryListsThemesWithCountsAndEachCaseStudy()
    {
        var run = Pcc.Run("parse", Pcc.Seed("001_88da988782738298.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Public Safety, Public Trust", run.Output);
        Assert.Contains("20 case studies in 7 themes", run.Output);
        Assert.Contains("Tackling violence and exploitation [violence-and-exploitation] — 3", run.Output);
        Assert.Contains("  3. The Scottish Violence Reduction Unit", run.Output);
        Assert.Contains("line 70", run.Output);
    }

    [Fact]
    public void AMissingFileExitsWithTwoAndSaysWhy()
    {
        var run = Pcc.Run("parse", "/nonexistent/briefing.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("briefing.txt", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void AnUnreadableDocumentExitsWithTwoAndNamesIt()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("empty.docx", "");

        var run = Pcc.Run("parse", path, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("empty.docx: The document is empty.", run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("parse")]
    [InlineData("frobnicate", "file.txt")]
    public void AWrongCommandLineExitsWithOne(params string[] args)
    {
        Assert.Equal(1, Pcc.Run(args).ExitCode);
    }

    [Fact]
    public void AThemesFileReplacesTheTaxonomy()
    {
        using var directory = new TemporaryDirectory();
        var themes = directory.Write("themes.json", """{"themes":[{"slug":"pandemic","name":"Recovering from the pandemic","aliases":[]}]}""");

        var run = Pcc.Run("parse", Pcc.Seed("000_175f4da499abf29a.txt"), "--themes", themes, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("pandemic", run.Json.GetProperty("caseStudies")[0].GetProperty("themeSlug").GetString());
    }

    [Fact]
    public void ABrokenThemesFileExitsWithTwo()
    {
        using var directory = new TemporaryDirectory();
        var themes = directory.Write("themes.json", """{"themes":[{"slug":"Not A Slug","name":"x"}]}""");

        var run = Pcc.Run("parse", Pcc.Seed("000_175f4da499abf29a.txt"), "--themes", themes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Not A Slug", run.Error);
    }

    [Fact]
    public void TheTaxonomyIsFoundInSeedsAboveTheCurrentDirectory()
    {
        using var directory = new TemporaryDirectory();
        var themes = directory.Write(Path.Combine("seeds", "themes.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(directory.Path, "a", "b")).FullName;

        Assert.Equal(themes, TaxonomyLocator.Find(nested));
        Assert.Null(TaxonomyLocator.Find("/"));
    }
}
