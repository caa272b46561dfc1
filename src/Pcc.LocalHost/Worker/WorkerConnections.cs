using System.Collections.Concurrent;

namespace Pcc.LocalHost.Worker;

/// <summary>The channels of the workers this host started, by worker id, waiting for their <c>StartStream</c>.</summary>
public sealed class WorkerConnections
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _expected = new(StringComparer.Ordinal);

    /// <summary>Expects a worker started with <paramref name="channel"/>'s id.</summary>
    public void Expect(WorkerChannel channel) => _expected[channel.WorkerId] = channel;

    /// <summary>Forgets a worker.</summary>
    public void Forget(WorkerChannel channel) => _expected.TryRemove(new KeyValuePair<string, WorkerChannel>(channel.WorkerId, channel));

    /// <summary>The channel for a worker id, or null for a worker this host did not start.</summary>
    public WorkerChannel? Find(string workerId) => _expected.GetValueOrDefault(workerId);
}
