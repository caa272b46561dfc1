using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// <c>PurgeExpiredRequests</c>: deletes subscribe requests whose confirmation link has expired, and with them the
/// address of anyone who never confirmed: a stranger's address typed into the form is not kept beyond its link.
/// </summary>
public sealed class PurgeExpiredRequestsFunction(SubscriberStore subscribers, SubscriptionOptions options, TimeProvider time, ILogger<PurgeExpiredRequestsFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "PurgeExpiredRequests";

    /// <summary>The app setting with its schedule.</summary>
    public const string Schedule = "SubscriptionsPurgeSchedule";

    /// <summary>The schedule used when the setting is missing: hourly, at a quarter past (six-field NCRONTAB, UTC).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?> { [Schedule] = "0 15 * * * *" };

    /// <summary>Deletes what expired before now.</summary>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%" + Schedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var deleted = await subscribers.PurgeExpiredRequestsAsync(time.GetUtcNow() - options.ConfirmTokenLifetime, cancellationToken);
        logger.LogInformation("Deleted {Count} unconfirmed subscriber(s) whose confirmation link had expired.", deleted);
    }
}
