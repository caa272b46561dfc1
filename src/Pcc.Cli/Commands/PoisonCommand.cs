using System.CommandLine;
using Pcc.LocalHost.Triggers;
using Pcc.Platform.Storage;

namespace Pcc.Cli.Commands;

/// <summary>
/// <c>pcc poison list</c> and <c>pcc poison replay [MESSAGE-ID…] [--all]</c>: the blob versions a blob trigger gave up
/// on after five failed attempts, and putting them back in front of the function once the cause is fixed.
/// Replaying deletes the version's blob receipt, so a polling host (the local host, or a plan with container scans)
/// invokes the function again; <c>--reupload</c> instead writes the same bytes back, which also raises a new
/// Event Grid event (Flex Consumption) and is ingested as a new blob version. Digest batches the <c>SendDigestBatch</c>
/// function gave up on wait in <c>{digest queue}-poison</c>: listed beside them, and replayed by putting the message
/// back on the digest queue (the ledger makes sure nobody in the batch gets a second email).
/// </summary>
public static class PoisonCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> connection)
    {
        var hostId = new Option<string>("--host-id") { Description = "The Functions host id (in Azure: the app name, lower-case).", DefaultValueFactory = _ => "pcc-localhost", Recursive = true };
        var queue = new Option<string>("--queue") { Description = "The poison queue.", DefaultValueFactory = _ => PoisonQueue.DefaultName, Recursive = true };
        var digests = new Option<string>("--digest-queue") { Description = "The digest batch queue, whose poison queue is {name}-poison.", DefaultValueFactory = _ => Pcc.Notifications.Digests.FanOut.QueueBatchDispatcher.DefaultQueueName, Recursive = true };
        var command = new Command("poison", "List or replay blobs whose ingest, and digest batches whose sending, failed five times.") { hostId, queue, digests };
        command.Subcommands.Add(List(connection, hostId, queue, digests));
        command.Subcommands.Add(Replay(connection, hostId, queue, digests));
        return command;
    }

    private static Command List(Option<string?> connection, Option<string> hostId, Option<string> queue, Option<string> digests)
    {
        var command = new Command("list", "Show the poisoned blob versions (up to 32).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var poison = Open(parseResult, connection, hostId, queue);
            var messages = await poison.ListAsync(cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            if (messages.Count == 0)
            {
                output.WriteLine("The poison queue is empty.");
            }

            foreach (var m in messages)
            {
                output.WriteLine($"{m.MessageId}  {m.FunctionName}  {m.ContainerName}/{m.BlobName}  ETag {m.ETag}");
            }

            var digestPoison = TriggerPoisonQueue.Create(Account(parseResult, connection), parseResult.GetValue(digests)!);
            foreach (var (id, text) in await digestPoison.ListAsync(cancellationToken))
            {
                output.WriteLine($"{id}  SendDigestBatch  {digestPoison.Name}  {text}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Replay(Option<string?> connection, Option<string> hostId, Option<string> queue, Option<string> digests)
    {
        var ids = new Argument<string[]>("message-id") { Description = "Message ids from `pcc poison list`.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Replay every poisoned blob version." };
        var reupload = new Option<bool>("--reupload") { Description = "Write the blob's bytes back instead of deleting its receipt (for Event Grid triggers)." };
        var command = new Command("replay", "Run the function again for poisoned blob versions.") { ids, all, reupload };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var wanted = parseResult.GetValue(ids) ?? [];
            if (wanted.Length == 0 && !parseResult.GetValue(all))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("Name the message ids to replay, or pass --all.");
                return ExitCodes.Usage;
            }

            var account = Account(parseResult, connection);
            var poison = Open(parseResult, connection, hostId, queue);
            var replayed = 0;
            foreach (var message in await poison.ListAsync(cancellationToken))
            {
                if (!parseResult.GetValue(all) && !wanted.Contains(message.MessageId))
                {
                    continue;
                }

                var done = parseResult.GetValue(reupload)
                    ? await poison.ReuploadAsync(account.GetBlobContainerClient(message.ContainerName), message, cancellationToken)
                    : await poison.ReplayAsync(message, cancellationToken);
                output.WriteLine(done
                    ? $"Replayed {message.ContainerName}/{message.BlobName} (ETag {message.ETag})."
                    : $"{message.ContainerName}/{message.BlobName}: the message was already gone.");
                replayed += done ? 1 : 0;
            }

            var digestPoison = TriggerPoisonQueue.Create(account, parseResult.GetValue(digests)!);
            foreach (var (id, _) in await digestPoison.ListAsync(cancellationToken))
            {
                if ((parseResult.GetValue(all) || wanted.Contains(id)) && await digestPoison.ReplayAsync(id, cancellationToken))
                {
                    output.WriteLine($"Replayed digest batch message {id}.");
                    replayed++;
                }
            }

            output.WriteLine($"{replayed} replayed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static StorageConnection Account(ParseResult parseResult, Option<string?> connection) =>
        StorageSettings.Account(parseResult.GetValue(connection));

    private static PoisonQueue Open(ParseResult parseResult, Option<string?> connection, Option<string> hostId, Option<string> queue) =>
        PoisonQueue.Create(Account(parseResult, connection), parseResult.GetValue(hostId)!, parseResult.GetValue(queue)!);
}
