using System.CommandLine;
using Pcc.Briefings;
using Pcc.Briefings.Themes;

namespace Pcc.Cli;

/// <summary>What a running command needs: its writers, the taxonomy and a way to read documents.</summary>
public sealed class CommandContext(ParseResult parseResult, GlobalOptions options)
{
    /// <summary>Standard output.</summary>
    public TextWriter Output { get; } = parseResult.InvocationConfiguration.Output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = parseResult.InvocationConfiguration.Error;

    /// <summary>The parsed command line.</summary>
    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Loads the theme taxonomy; null (with the reason written to standard error) when the given file cannot be read.</summary>
    public ThemeTaxonomy? LoadTaxonomy()
    {
        var file = ParseResult.GetValue(options.Themes);
        try
        {
            var path = file?.FullName ?? TaxonomyLocator.Find(Environment.CurrentDirectory, AppContext.BaseDirectory);
            return path is null ? ThemeTaxonomy.Default : ThemeTaxonomy.LoadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            Error.WriteLine($"{file?.FullName ?? "seeds/themes.json"}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Reads and parses a document file; null (with the reason written to standard error) when it cannot be read.</summary>
    public Briefing? ReadBriefing(FileInfo file, BriefingParser parser)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"{file.Name}: cannot open the file ({ex.Message}).");
            return null;
        }

        var result = parser.Parse(bytes, file.Name);
        if (!result.Success)
        {
            Error.WriteLine(result.Failure!.ToString());
            return null;
        }

        return result.Value;
    }
}
