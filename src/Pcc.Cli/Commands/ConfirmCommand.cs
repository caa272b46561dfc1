using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Review;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc confirm BRIEFING VERSION</c>: publishes a version that was held for review because it would empty the
/// briefing or remove more than half of its case studies. Confirming again changes nothing. It runs on the app's own
/// registration, so it waits for the catalogue lock as long as <c>Ingestion:LockWait</c> says.
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
            await using var services = StorageSettings.Services(parseResult.GetValue(connection));
            HeldVersions held;
            try
            {
                held = services.GetRequiredService<HeldVersions>();
                _ = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                // The same settings would stop the app at start-up; say which, and touch nothing.
                parseResult.InvocationConfiguration.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }

            var outcome = await held.ConfirmAsync(parseResult.GetValue(briefing)!, parseResult.GetValue(version), cancellationToken);
            var ok = outcome.Status is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyCurrent;
            (ok ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error).WriteLine(outcome.Message);
            return ok ? ExitCodes.Success : ExitCodes.NotConfirmed;
        });
        return command;
    }
}
