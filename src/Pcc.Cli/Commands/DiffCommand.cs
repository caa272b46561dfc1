using System.CommandLine;
using Pcc.Briefings;
using Pcc.Briefings.Comparison;
using Pcc.Cli.Output;

namespace Pcc.Cli.Commands;

/// <summary><c>pcc diff OLD NEW [--json]</c>: which case studies are new, changed, removed or unchanged.</summary>
public static class DiffCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(GlobalOptions options)
    {
        var before = new Argument<FileInfo>("old") { Description = "The earlier version of the document." };
        var after = new Argument<FileInfo>("new") { Description = "The later version of the document." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a summary." };
        var command = new Command("diff", "Compare two versions of a document case study by case study.") { before, after, json };
        command.SetAction(parseResult =>
        {
            var context = new CommandContext(parseResult, options);
            var taxonomy = context.LoadTaxonomy();
            if (taxonomy is null)
            {
                return ExitCodes.Unreadable;
            }

            var parser = new BriefingParser(taxonomy);
            var old = context.ReadBriefing(parseResult.GetValue(before)!, parser);
            var @new = old is null ? null : context.ReadBriefing(parseResult.GetValue(after)!, parser);
            if (old is null || @new is null)
            {
                return ExitCodes.Unreadable;
            }

            var comparison = CaseStudyComparer.Compare(old.CaseStudies, @new.CaseStudies);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(CliJson.Serialize(ComparisonJson.From(comparison)));
            }
            else
            {
                ComparisonSummary.Write(comparison, context.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
