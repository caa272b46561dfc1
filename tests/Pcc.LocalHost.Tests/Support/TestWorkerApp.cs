using Pcc.Testing;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>The small isolated-worker app under tests/Pcc.LocalHost.TestWorker, built with this test project.</summary>
public static class TestWorkerApp
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Its build output: the worker assembly, worker.config.json and functions.metadata.</summary>
    public static string Directory => RepositoryRoot.Combine("tests", "Pcc.LocalHost.TestWorker", "bin", Configuration, "net10.0");

    /// <summary>App settings the test worker reads, with containers unique to <paramref name="id"/>.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string id) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["TestWorker:Inbox"] = "inbox-" + id,
        ["TestWorker:Results"] = "results-" + id,
        ["TestWorker:Schedule"] = "0 0 0 1 1 *",
        ["TestWorker:Queue"] = "queue-" + id,
        ["TestWorker:LingerQueue"] = "linger-" + id,
    };
}
