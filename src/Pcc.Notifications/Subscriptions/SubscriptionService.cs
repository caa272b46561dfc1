using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Double opt-in subscriptions. An unauthenticated request never changes an active subscription and never reveals
/// whether an address is known; everything else needs a signed link for its purpose.
/// </summary>
public sealed class SubscriptionService
{
    private readonly SubscriberStore _store;
    private readonly SubscriptionTokens _tokens;
    private readonly SubscriptionLinks _links;
    private readonly SubscriptionMailer _mailer;
    private readonly SubscriptionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SubscriptionService> _logger;

    /// <summary>Creates the service.</summary>
    public SubscriptionService(
        SubscriberStore store, SubscriptionTokens tokens, SubscriptionLinks links, SubscriptionMailer mailer,
        SubscriptionOptions options, TimeProvider time, ILogger<SubscriptionService> logger)
    {
        _store = store;
        _tokens = tokens;
        _links = links;
        _mailer = mailer;
        _options = options;
        _time = time;
        _logger = logger;
    }

    private enum Reply
    {
        None,
        Confirmation,
        AlreadySubscribed,
    }

    /// <summary>
    /// Handles a subscribe request for a validated, normalised address. A new, pending or unsubscribed address becomes
    /// pending with the request's themes and frequency kept aside until confirmed, and gets a confirmation email; an
    /// active one gets a reminder with its manage link and keeps its settings; a suppressed one gets nothing. Beyond
    /// <see cref="SubscriptionOptions.EmailsPerAddressPerHour"/> emails an hour, requests for the address are ignored.
    /// </summary>
    public async Task RequestAsync(string address, IReadOnlyList<string> themes, SubscriptionFrequency frequency, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var id = SubscriberIds.ForAddress(address);
        var (reply, subscriber) = await _store.ChangeAsync(id, entity =>
        {
            entity ??= new SubscriberEntity { RowKey = SubscriberEntity.RowKeyFor(id), Address = address, Status = SubscriberStatus.Pending, CreatedAt = now };
            if (entity.Status == SubscriberStatus.Suppressed || !TryRecordEmail(entity, now))
            {
                return (null, (Reply.None, (Subscriber?)null));
            }

            if (entity.Status == SubscriberStatus.Active)
            {
                return (entity, (Reply.AlreadySubscribed, entity.ToSubscriber()));
            }

            entity.Status = SubscriberStatus.Pending;
            entity.RequestedThemes = string.Join(',', themes);
            entity.RequestedFrequency = frequency;
            entity.RequestedAt = now;
            return (entity, (Reply.Confirmation, entity.ToSubscriber()));
        }, cancellationToken);

        try
        {
            switch (reply)
            {
                case Reply.Confirmation:
                    await _mailer.SendConfirmationAsync(address, themes, frequency, await _links.ConfirmUrlAsync(subscriber!, cancellationToken), cancellationToken);
                    break;
                case Reply.AlreadySubscribed:
                    await _mailer.SendAlreadySubscribedAsync(address, await _links.ManageUrlAsync(subscriber!, cancellationToken), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request is accepted either way; asking again sends another email (within the hourly allowance).
            _logger.LogError(ex, "Could not send the {Reply} email for subscriber {Id}", reply, id);
        }
    }

    /// <summary>
    /// Follows a confirmation link: applies the requested themes and frequency and activates. Confirming an already
    /// active subscription again is fine. Null when the link is not genuine, has expired or predates an unsubscribe.
    /// </summary>
    public async Task<Subscriber?> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Confirm, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return await _store.ChangeAsync<Subscriber?>(claims.SubscriberId, entity =>
        {
            if (entity is null || entity.Generation != claims.Generation)
            {
                return (null, null);
            }

            if (entity.Status != SubscriberStatus.Pending)
            {
                return (null, entity.Status == SubscriberStatus.Active ? entity.ToSubscriber() : null);
            }

            entity.Status = SubscriberStatus.Active;
            entity.Themes = entity.RequestedThemes;
            entity.Frequency = entity.RequestedFrequency;
            entity.ConfirmedAt = now;
            return (entity, entity.ToSubscriber());
        }, cancellationToken);
    }

    /// <summary>
    /// Checks a confirmation link without acting on it, for the page whose button confirms: mail scanners open every
    /// link in an email, so opening one must change nothing. The pending (or already active) subscriber; null when the
    /// link is not genuine, has expired, predates an unsubscribe, or the address is unsubscribed or suppressed.
    /// </summary>
    public async Task<Subscriber?> CheckConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Confirm, cancellationToken);
        var subscriber = claims is null ? null : await _store.FindAsync(claims.SubscriberId, cancellationToken);
        return subscriber is not null && subscriber.Generation == claims!.Generation
            && subscriber.Status is SubscriberStatus.Pending or SubscriberStatus.Active ? subscriber : null;
    }

    /// <summary>The subscriber a manage link belongs to; null when the link is not genuine, expired or out of date.</summary>
    public async Task<Subscriber?> FindAsync(string? manageToken, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(manageToken, TokenPurpose.Manage, cancellationToken);
        var subscriber = claims is null ? null : await _store.FindAsync(claims.SubscriberId, cancellationToken);
        return subscriber is not null && subscriber.Generation == claims!.Generation ? subscriber : null;
    }

    /// <summary>
    /// Changes an active subscriber's themes and frequency through their manage link; null when the link is not
    /// genuine, expired or out of date, or the subscription is no longer active.
    /// </summary>
    public async Task<Subscriber?> UpdateAsync(string? manageToken, IReadOnlyList<string> themes, SubscriptionFrequency frequency, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(manageToken, TokenPurpose.Manage, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        return await _store.ChangeAsync<Subscriber?>(claims.SubscriberId, entity =>
        {
            if (entity is null || entity.Generation != claims.Generation || entity.Status != SubscriberStatus.Active)
            {
                return (null, null);
            }

            entity.Themes = string.Join(',', themes);
            entity.Frequency = frequency;
            return (entity, entity.ToSubscriber());
        }, cancellationToken);
    }

    /// <summary>
    /// Checks an unsubscribe link without acting on it (for the page with the button). Any genuine, unexpired
    /// unsubscribe link of the subscriber counts, whatever its generation: it was sent to their own inbox.
    /// </summary>
    public async Task<Subscriber?> CheckUnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Unsubscribe, cancellationToken);
        return claims is null ? null : await _store.FindAsync(claims.SubscriberId, cancellationToken);
    }

    /// <summary>
    /// Unsubscribes at once (idempotent) and starts a new token generation, so older manage and confirmation links stop
    /// working. Null when the link is not genuine or has expired.
    /// </summary>
    public async Task<Subscriber?> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Unsubscribe, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return await _store.ChangeAsync<Subscriber?>(claims.SubscriberId, entity =>
        {
            if (entity is null)
            {
                return (null, null);
            }

            if (entity.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Suppressed)
            {
                return (null, entity.ToSubscriber());
            }

            entity.Status = SubscriberStatus.Unsubscribed;
            entity.UnsubscribedAt = now;
            entity.Generation++;
            return (entity, entity.ToSubscriber());
        }, cancellationToken);
    }

    /// <summary>
    /// Adds an active subscription without the double opt-in and without sending anything: for sample data on a local
    /// run, never for a request from outside. An address that already has a subscription, or is suppressed, is left as
    /// it is. Returns the subscriber as stored.
    /// </summary>
    public async Task<Subscriber?> AddConfirmedAsync(string address, IReadOnlyList<string> themes, SubscriptionFrequency frequency, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var id = SubscriberIds.ForAddress(address);
        return await _store.ChangeAsync<Subscriber?>(id, entity =>
        {
            if (entity is not null)
            {
                return (null, entity.ToSubscriber());
            }

            var added = new SubscriberEntity
            {
                RowKey = SubscriberEntity.RowKeyFor(id),
                Address = address,
                Status = SubscriberStatus.Active,
                Themes = string.Join(',', themes),
                Frequency = frequency,
                RequestedThemes = string.Join(',', themes),
                RequestedFrequency = frequency,
                CreatedAt = now,
                RequestedAt = now,
                ConfirmedAt = now,
            };
            return (added, added.ToSubscriber());
        }, cancellationToken);
    }

    /// <summary>Adds an email to the address's last hour, unless the hourly allowance is used up.</summary>
    private bool TryRecordEmail(SubscriberEntity entity, DateTimeOffset now)
    {
        var since = now.AddHours(-1).ToUnixTimeSeconds();
        var recent = entity.RecentEmails.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0)
            .Where(t => t > since)
            .ToList();
        if (recent.Count >= _options.EmailsPerAddressPerHour)
        {
            return false;
        }

        recent.Add(now.ToUnixTimeSeconds());
        entity.RecentEmails = string.Join(',', recent.Select(t => t.ToString(CultureInfo.InvariantCulture)));
        return true;
    }
}
