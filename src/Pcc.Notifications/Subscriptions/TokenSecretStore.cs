using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// The HMAC key for signed links. The configured <see cref="SubscriptionOptions.TokenSecret"/> wins; without one, a
/// random 32-byte key is created on first use in a private container and read back on every later start, so links in
/// emails keep working across restarts and instances. Create-if-absent makes two instances starting together agree.
/// </summary>
public sealed class TokenSecretStore
{
    /// <summary>The blob that holds a generated secret (base64).</summary>
    public const string BlobName = "subscription-token-secret";

    private readonly BlobContainerClient _container;
    private readonly string? _configured;
    private readonly string _blobName;
    private readonly Lock _gate = new();
    private Task<byte[]>? _secret;

    /// <summary>
    /// Uses <paramref name="configuredSecret"/> when set, else a secret kept in <paramref name="container"/> as
    /// <paramref name="blobName"/> (another name keeps another key, such as <see cref="SubscriberKeys.BlobName"/>).
    /// </summary>
    public TokenSecretStore(BlobContainerClient container, string? configuredSecret, string blobName = BlobName)
    {
        _container = container;
        _blobName = blobName;
        _configured = string.IsNullOrWhiteSpace(configuredSecret) ? null : configuredSecret.Trim();
    }

    /// <summary>The key; read (or created) once per process.</summary>
    public Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A failed read is not cached: the next request tries again.
            if (_secret is null || _secret.IsFaulted || _secret.IsCanceled)
            {
                _secret = _configured is not null ? Task.FromResult(Parse(_configured, "Subscriptions:TokenSecret")) : LoadOrCreateAsync(cancellationToken);
            }

            return _secret;
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = _container.GetBlobClient(_blobName);
        try
        {
            await blob.UploadAsync(new BinaryData(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SubscriptionTokenCodec.MinKeyBytes))), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another start got there first; everyone uses the stored one.
        }

        var stored = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        return Parse(stored, $"blob {_container.Name}/{_blobName}");
    }

    private static byte[] Parse(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The token secret in {source} is not base64.");
        }

        return key.Length >= SubscriptionTokenCodec.MinKeyBytes
            ? key
            : throw new InvalidOperationException($"The token secret in {source} has {key.Length} bytes; at least {SubscriptionTokenCodec.MinKeyBytes} are needed.");
    }
}
