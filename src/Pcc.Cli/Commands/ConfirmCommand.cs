using System.CommandLine;
using Pcc.Functions.Ingestion;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc confirm BRIEFING VERSION</c>: publishes a version that was held for review because it would empty the
/// briefing or remove more than half of its case studies. Confirming again changes nothing.
/// </summary>
public static class ConfirmCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> connection)
    {
        var briefing = new Argument<string>("briefing") { Description = "The briefing's slug, as GET /api/briefings lists it." };
        var version = new Argument<int>("version") { Description = "The held version's number, as listed under 'held' in GET /api/briefings/{slug}." };
        var command = new Command("confirm", "Publish a version of a briefing that was held for review.") { briefing, version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = StorageSettings.Open(parseResult.GetValue(connection));
            var receipts = new IngestionReceipts(store);
            var writer = new IngestionWriter(store);
            var held = new HeldVersions(store, new IngestionCompletion(writer, receipts), writer, new IngestionReports(store), receipts,
                Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), TimeProvider.System);
            var outcome = await held.ConfirmAsync(parseResult.GetValue(briefing)!, parseResult.GetValue(version), cancellationToken);
            var ok = outcome.Status is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyCurrent;
            (ok ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error).WriteLine(outcome.Message);
            return ok ? ExitCodes.Success : ExitCodes.NotConfirmed;
        });
        return command;
    }
}
