using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Catalogue.PersonalData;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc subscribers export ADDRESS</c> and <c>pcc subscribers erase ADDRESS</c>: access and erasure requests. Export
/// prints everything the app holds about the address (any spelling) as JSON; erase removes it from every table and blob
/// that holds it (see <see cref="SubscriberData"/>).
/// </summary>
public static class SubscribersCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> connection)
    {
        var command = new Command("subscribers", "Export or erase what the app holds about one email address.");
        command.Subcommands.Add(Export(connection));
        command.Subcommands.Add(Erase(connection));
        return command;
    }

    private static Command Export(Option<string?> connection)
    {
        var address = Address();
        var command = new Command("export", "Print everything held about the address as JSON.") { address };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryNormalise(parseResult, address, out var normalised))
            {
                return ExitCodes.Usage;
            }

            await using var services = StorageSettings.Services(parseResult.GetValue(connection));
            var data = services.GetRequiredService<SubscriberData>();

            parseResult.InvocationConfiguration.Output.WriteLine(SubscriberData.Format(await data.ExportAsync(normalised, cancellationToken)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Erase(Option<string?> connection)
    {
        var address = Address();
        var command = new Command("erase", "Erase the address from every table and blob that holds it.") { address };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryNormalise(parseResult, address, out var normalised))
            {
                return ExitCodes.Usage;
            }

            await using var services = StorageSettings.Services(parseResult.GetValue(connection));
            var data = services.GetRequiredService<SubscriberData>();

            var places = await data.EraseAsync(normalised, cancellationToken);
            parseResult.InvocationConfiguration.Output.WriteLine(places == 0 ? "Nothing was held about the address." : $"Erased the address from {places} place(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> Address() => new("address") { Description = "The email address, in any spelling." };

    private static bool TryNormalise(ParseResult parseResult, Argument<string> address, [NotNullWhen(true)] out string? normalised)
    {
        if (EmailAddressRule.TryNormalise(parseResult.GetValue(address), out normalised, out var problem))
        {
            return true;
        }

        parseResult.InvocationConfiguration.Error.WriteLine(problem);
        return false;
    }
}
