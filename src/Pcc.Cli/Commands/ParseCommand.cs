using System.CommandLine;
using Pcc.Briefings;
using Pcc.Cli.Output;

namespace Pcc.Cli.Commands;

/// <summary><c>pcc parse FILE [--json]</c>: what a document contains.</summary>
public static class ParseCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<FileInfo>("file") { Description = "The briefing document: .txt, .md, .html, .docx or .pdf." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a summary." };
        var command = new Command("parse", "Show the title, themes and case studies a document contains.") { file, json };
        command.SetAction(parseResult =>
        {
            var context = new CommandContext(parseResult, options);
            var taxonomy = context.LoadTaxonomy();
            var briefing = taxonomy is null ? null : context.ReadBriefing(parseResult.GetValue(file)!, new BriefingParser(taxonomy));
            if (briefing is null)
            {
                return ExitCodes.Unreadable;
            }

            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(CliJson.Serialize(BriefingJson.From(briefing)));
            }
            else
            {
                BriefingSummary.Write(briefing, context.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
