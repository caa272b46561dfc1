namespace Pcc.Testing.App;

/// <summary>The app's storage settings naming tables, containers and the digest queue of their own, so tests never share rows.</summary>
public static class UniqueStorage
{
    /// <summary>Every storage name the app reads from settings, made unique by <paramref name="id"/> (lower-case letters and digits).</summary>
    public static Dictionary<string, string?> Settings(string id) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:TablePrefix"] = "t" + id,
        ["Storage:BriefingsContainer"] = "briefings-" + id,
        ["Storage:ReportsContainer"] = "reports-" + id,
        ["Storage:LocksContainer"] = "locks-" + id,
        ["Storage:SecretsContainer"] = "secrets-" + id,
        ["Storage:SummariesContainer"] = "summaries-" + id,
        ["Storage:DigestBatchesContainer"] = "batches-" + id,
        ["DigestBatchQueue"] = "digests-" + id,
    };
}
