using Pcc.Notifications.Digests.FanOut;

namespace Pcc.Functions.Digests;

/// <summary>
/// The queue digest batches fan out on: named by the app setting <c>DigestBatchQueue</c> (default
/// <c>digest-batches</c>), which the queue trigger reads as <c>%DigestBatchQueue%</c>. In Azure its length is what
/// scales the app out; after the host's retries a message goes to <c>{queue}-poison</c>.
/// </summary>
public static class DigestQueue
{
    /// <summary>The app setting with the queue's name.</summary>
    public const string Setting = "DigestBatchQueue";

    /// <summary>The setting's value when it is not set.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [Setting] = QueueBatchDispatcher.DefaultQueueName,
    };

    /// <summary>The queue's name in <paramref name="configuration"/>.</summary>
    public static string Name(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } name ? name : QueueBatchDispatcher.DefaultQueueName;
}
