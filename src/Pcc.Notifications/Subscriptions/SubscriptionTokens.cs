namespace Pcc.Notifications.Subscriptions;

/// <summary>Issues and checks signed, expiring links for one purpose each.</summary>
public sealed class SubscriptionTokens
{
    private readonly TokenSecretStore _secrets;
    private readonly SubscriptionOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public SubscriptionTokens(TokenSecretStore secrets, SubscriptionOptions options, TimeProvider time)
    {
        _secrets = secrets;
        _options = options;
        _time = time;
    }

    /// <summary>A token for <paramref name="subscriber"/>'s current generation, valid for the purpose's lifetime.</summary>
    public async Task<string> IssueAsync(TokenPurpose purpose, Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var key = await _secrets.GetAsync(cancellationToken);
        var lifetime = purpose switch
        {
            TokenPurpose.Confirm => _options.ConfirmTokenLifetime,
            TokenPurpose.Manage => _options.ManageTokenLifetime,
            _ => _options.UnsubscribeTokenLifetime,
        };
        var expires = DateTimeOffset.FromUnixTimeSeconds((_time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        return SubscriptionTokenCodec.Encode(new SubscriptionToken(purpose, subscriber.Id, expires, subscriber.Generation), key);
    }

    /// <summary>
    /// The token's claims when it is genuine, unexpired and for <paramref name="purpose"/>; otherwise null. Whether its
    /// generation is still current is for the caller, who has the subscriber.
    /// </summary>
    public async Task<SubscriptionToken?> ReadAsync(string? text, TokenPurpose purpose, CancellationToken cancellationToken = default)
    {
        var key = await _secrets.GetAsync(cancellationToken);
        return SubscriptionTokenCodec.TryDecode(text, key, out var token) && token.Purpose == purpose && token.Expires > _time.GetUtcNow()
            ? token
            : null;
    }
}
