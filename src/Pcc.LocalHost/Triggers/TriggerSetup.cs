using Azure.Storage.Queues;
using Pcc.LocalHost.Payloads;
using Pcc.LocalHost.Settings;
using Pcc.LocalHost.Worker;
using Pcc.Platform.Storage;

namespace Pcc.LocalHost.Triggers;

/// <summary>Turns the triggers the worker described into listeners, resolving <c>%AppSetting%</c> names from the app settings.</summary>
public static class TriggerSetup
{
    /// <summary>The container the app's briefings are uploaded to unless <c>Storage:BriefingsContainer</c> says otherwise.</summary>
    public const string DefaultBriefingsContainer = "briefings";

    /// <summary>The app setting that moves the briefings container.</summary>
    public const string BriefingsContainerSetting = "Storage:BriefingsContainer";

    /// <summary>The storage connection a binding uses when it names none.</summary>
    public const string DefaultConnection = StorageConnection.DefaultName;

    /// <summary>
    /// The connection setting a trigger names (<c>%Setting%</c> names resolved, as the host resolves a binding's
    /// connection), or <see cref="DefaultConnection"/>.
    /// </summary>
    public static string Connection(WorkerFunction function, IConfiguration configuration) =>
        function.TriggerProperty("connection") is { Length: > 0 } named
            ? AppSettings.Resolve(configuration, named, $"The connection of {function.Name}'s trigger")
            : DefaultConnection;

    /// <summary>The container and blob-name pattern a blob trigger watches, <c>%Setting%</c> names resolved.</summary>
    public static BlobPathPattern BlobPattern(WorkerFunction function, IConfiguration configuration)
    {
        var usedBy = $"The blob trigger of {function.Name}";
        var path = function.TriggerProperty("path") ?? throw new InvalidOperationException($"{usedBy} has no path.");
        return BlobPathPattern.Parse(AppSettings.Resolve(configuration, path, usedBy));
    }

    /// <summary>A listener for every blob-triggered function.</summary>
    public static IReadOnlyList<BlobTriggerListener> BlobListeners(
        FunctionWorker worker, IConfiguration configuration, StorageConnection storage, BlobReceipts receipts,
        PoisonQueue poison, LocalHostOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Pcc.LocalHost.BlobTrigger");
        return worker.Functions
            .Where(f => f.Is("blobTrigger"))
            .Select(f =>
            {
                var pattern = BlobPattern(f, configuration);
                var connection = Connection(f, configuration);
                return new BlobTriggerListener(f.Name, f.TriggerName, pattern, storage.GetBlobContainerClient(pattern.Container), receipts, poison, worker, connection, options, logger);
            })
            .ToList();
    }

    /// <summary>
    /// A listener for every queue-triggered function (<c>%Setting%</c> queue names resolved), Base64 messages as the host
    /// reads them by default; a message that is not Base64 can never run, so it goes straight to <c>{queue}-poison</c>.
    /// </summary>
    public static IReadOnlyList<QueueTriggerListener> QueueListeners(
        FunctionWorker worker, IConfiguration configuration, StorageConnection storage, LocalHostOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Pcc.LocalHost.QueueTrigger");
        var listeners = new List<QueueTriggerListener>();
        foreach (var function in worker.Functions.Where(f => f.Is("queueTrigger")))
        {
            var usedBy = $"The queue trigger of {function.Name}";
            var declared = function.TriggerProperty("queueName") ?? throw new InvalidOperationException($"{usedBy} has no queue name.");
            var name = AppSettings.Resolve(configuration, declared, usedBy).ToLowerInvariant();
            var poison = storage.CreateQueueServiceClient(StorageConnection.QueueOptions(QueueMessageEncoding.None)).GetQueueClient(name + "-poison");
            var queue = storage.CreateQueueServiceClient(StorageConnection.QueueOptions(QueueMessageEncoding.Base64, async failed =>
            {
                if (failed.ReceivedMessage is { } undecodable)
                {
                    logger.LogError("Message {Id} of {Queue} is not Base64; it goes to the poison queue unread.", undecodable.MessageId, name);
                    await poison.CreateIfNotExistsAsync();
                    await poison.SendMessageAsync(undecodable.Body);
                    await failed.Queue.DeleteMessageAsync(undecodable.MessageId, undecodable.PopReceipt);
                }
            })).GetQueueClient(name);
            var functionName = function.Name;
            var bindingName = function.TriggerName;
            listeners.Add(new QueueTriggerListener(functionName, queue, storage.CreateQueueServiceClient().GetQueueClient(name + "-poison"),
                async (message, ct) => (await worker.InvokeAsync(functionName, r => QueueTriggerInput.Fill(r, bindingName, message), retryOnCrash: false, ct)).Succeeded,
                options, logger));
        }

        return listeners;
    }

    /// <summary>A scheduler for every timer-triggered function, by function name.</summary>
    public static IReadOnlyDictionary<string, TimerScheduler> TimerSchedulers(
        FunctionWorker worker, IConfiguration configuration, ScheduleStatusStore store, LocalHostOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Pcc.LocalHost.TimerTrigger");
        var zone = TimerSchedule.TimeZoneFrom(configuration);
        var timers = new Dictionary<string, TimerScheduler>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in worker.Functions.Where(f => f.Is("timerTrigger")))
        {
            var usedBy = $"The timer trigger of {function.Name}";
            var expression = function.TriggerProperty("schedule") ?? throw new InvalidOperationException($"{usedBy} has no schedule.");
            var schedule = TimerSchedule.Parse(AppSettings.Resolve(configuration, expression, usedBy), zone, usedBy);
            timers[function.Name] = new TimerScheduler(function.Name, function.TriggerName, schedule,
                function.TriggerFlag("runOnStartup"), function.TriggerFlag("useMonitor", absent: true), store, worker, options.TimeProvider, logger);
        }

        return timers;
    }
}
