using Pcc.Functions.Data;
using Pcc.LocalHost.InProcess;
using Pcc.LocalHost.Settings;
using Pcc.Notifications.Storage;

namespace Pcc.LocalHost.Triggers;

/// <summary>Turns the app's trigger declarations into listeners, resolving <c>%AppSetting%</c> names from its configuration.</summary>
public static class TriggerSetup
{
    /// <summary>
    /// The container a blob trigger watches. <c>%Setting%</c> names are resolved; and when the app's
    /// <c>Storage:BriefingsContainer</c> moves the briefings elsewhere, a trigger declared on the default
    /// <c>briefings</c> container watches the configured one instead — the function reads its blobs from there,
    /// and tests use it to keep their uploads apart.
    /// </summary>
    public static BlobPathPattern BlobPattern(BlobTriggerBinding binding, string functionName, IConfiguration configuration)
    {
        var pattern = BlobPathPattern.Parse(AppSettings.Resolve(configuration, binding.Path, $"The blob trigger of {functionName}"));
        var defaultContainer = new StorageOptions().BriefingsContainer;
        var configured = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.BriefingsContainer)}"];
        return pattern.Container == defaultContainer && !string.IsNullOrWhiteSpace(configured) ? pattern.InContainer(configured) : pattern;
    }

    /// <summary>A listener for every blob-triggered function.</summary>
    public static IReadOnlyList<BlobTriggerListener> BlobListeners(
        IEnumerable<FunctionDefinition> functions, IConfiguration configuration, StorageConnection storage, BlobReceipts receipts,
        PoisonQueue poison, HandlerClient handler, LocalHostOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Pcc.LocalHost.BlobTrigger");
        return functions
            .Where(f => f.Trigger is BlobTriggerBinding)
            .Select(f =>
            {
                var binding = (BlobTriggerBinding)f.Trigger;
                var pattern = BlobPattern(binding, f.Name, configuration);
                return new BlobTriggerListener(f.Name, binding.Name, pattern, storage.GetBlobContainerClient(pattern.Container), receipts, poison, handler, options, logger);
            })
            .ToList();
    }

    /// <summary>A scheduler for every timer-triggered function, by function name.</summary>
    public static IReadOnlyDictionary<string, TimerScheduler> TimerSchedulers(
        IEnumerable<FunctionDefinition> functions, IConfiguration configuration, ScheduleStatusStore store,
        HandlerClient handler, LocalHostOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Pcc.LocalHost.TimerTrigger");
        var zone = TimerSchedule.TimeZoneFrom(configuration);
        var timers = new Dictionary<string, TimerScheduler>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in functions)
        {
            if (function.Trigger is TimerTriggerBinding timer)
            {
                var usedBy = $"The timer trigger of {function.Name}";
                var schedule = TimerSchedule.Parse(AppSettings.Resolve(configuration, timer.Schedule, usedBy), zone, usedBy);
                timers[function.Name] = new TimerScheduler(function.Name, timer.Name, schedule, timer.RunOnStartup, timer.UseMonitor, store, handler, options.TimeProvider, logger);
            }
        }

        return timers;
    }
}
