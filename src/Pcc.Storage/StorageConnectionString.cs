namespace Pcc.Storage;

/// <summary>
/// A parsed storage connection string: <c>UseDevelopmentStorage=true</c>, or an account-key string with
/// <c>AccountName</c>/<c>AccountKey</c> and either <c>DefaultEndpointsProtocol</c>/<c>EndpointSuffix</c> or explicit
/// <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c>
/// (https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string).
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The development account's well-known key, published in Azurite's documentation.</summary>
    internal const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    internal const string DevelopmentAccountName = "devstoreaccount1";

    private StorageConnectionString(StorageSharedKeyCredential credential, Uri blob, Uri queue, Uri table)
    {
        Credential = credential;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    /// <summary>The account name and key the string carries.</summary>
    public StorageSharedKeyCredential Credential { get; }

    /// <summary>The blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> naming what is missing or wrong.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ReadSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var host = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? new Uri(proxy).Host : "127.0.0.1";
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                new Uri($"http://{host}:10000/{DevelopmentAccountName}"),
                new Uri($"http://{host}:10001/{DevelopmentAccountName}"),
                new Uri($"http://{host}:10002/{DevelopmentAccountName}"));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Connection strings with a SharedAccessSignature are not supported; use an account key or a managed identity.");
        }

        var name = Required(settings, "AccountName");
        var key = Required(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");

        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(name, key);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("The connection string's AccountKey is not valid base64.", ex);
        }

        return new StorageConnectionString(
            credential,
            Endpoint(settings, "BlobEndpoint", protocol, name, "blob", suffix),
            Endpoint(settings, "QueueEndpoint", protocol, name, "queue", suffix),
            Endpoint(settings, "TableEndpoint", protocol, name, "table", suffix));
    }

    private static Dictionary<string, string> ReadSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"The connection string setting '{part}' is not of the form Name=Value.");
            }

            // Values such as keys end in '=' padding, so split on the first '=' only.
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.Count == 0)
        {
            throw new FormatException("The connection string is empty.");
        }

        return settings;
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The connection string has no {name}.");

    private static Uri Endpoint(Dictionary<string, string> settings, string key, string protocol, string account, string service, string suffix)
    {
        if (settings.TryGetValue(key, out var explicitEndpoint))
        {
            return Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw new FormatException($"The connection string's {key} '{explicitEndpoint}' is not an absolute URI.");
        }

        return new Uri($"{protocol}://{account}.{service}.{suffix}");
    }
}
