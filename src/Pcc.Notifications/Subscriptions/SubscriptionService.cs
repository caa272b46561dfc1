using System.Globalization;
using Microsoft.Extensions.Logging;
using Pcc.Notifications.Digests;

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
    private readonly SubscriberKeys _keys;
    private readonly IFollowTitles _titles;
    private readonly ILogger<SubscriptionService> _logger;

    /// <summary>Creates the service; <paramref name="titles"/> names what the emails say is followed.</summary>
    public SubscriptionService(
        SubscriberStore store, SubscriptionTokens tokens, SubscriptionLinks links, SubscriptionMailer mailer,
        SubscriptionOptions options, TimeProvider time, SubscriberKeys keys, IFollowTitles titles, ILogger<SubscriptionService> logger)
    {
        _keys = keys;
        _titles = titles;
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

    /// <summary>A subscribe request for themes only; see <see cref="RequestAsync(string, Follows, DigestFrequency, bool, CancellationToken)"/>.</summary>
    public Task RequestAsync(string address, IReadOnlyList<string> themes, DigestFrequency frequency, bool includeMinorCorrections = false, CancellationToken cancellationToken = default) =>
        RequestAsync(address, Follows.OfThemes(themes), frequency, includeMinorCorrections, cancellationToken);

    /// <summary>
    /// Handles a subscribe request for a validated, normalised address. A new, pending or unsubscribed address becomes
    /// pending and gets a confirmation email; the request's follows and frequency are kept under its own link, which
    /// confirms them and nothing else, adding them to whatever the address follows by then. An active one gets a
    /// reminder with its manage link and keeps its settings: when the request asks for something it does not follow
    /// yet, the reminder names it and its link opens the manage page with it ticked, to be saved there (an
    /// unauthenticated request never changes an active subscription). A suppressed one gets nothing. Every spelling of
    /// an address is the same subscriber, mailed as typed. Beyond <see cref="SubscriptionOptions.EmailsPerAddressPerHour"/>
    /// emails an hour, requests for the address are ignored.
    /// </summary>
    public async Task RequestAsync(string address, Follows follows, DigestFrequency frequency, bool includeMinorCorrections = false, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var id = SubscriberIds.ForAddress(address);
        var (reply, subscriber) = await _store.ChangeAsync<(Reply, Subscriber?)>(id, (entity, marker) =>
        {
            if (marker?.Status == SubscriberStatus.Suppressed)
            {
                return (null, null, (Reply.None, (Subscriber?)null));
            }

            // An address that left comes back after the generation its old links carry, so none of them works again.
            entity ??= new SubscriberEntity
            {
                RowKey = SubscriberEntity.RowKeyFor(id), Address = address, Status = SubscriberStatus.Pending, CreatedAt = now, Generation = marker?.Generation ?? 0,
            };
            if (!TryRecordEmail(entity, now))
            {
                return (null, null, (Reply.None, (Subscriber?)null));
            }

            if (entity.Status == SubscriberStatus.Active)
            {
                return (entity, null, (Reply.AlreadySubscribed, entity.ToSubscriber()));
            }

            entity.Status = SubscriberStatus.Pending;
            entity.Generation++;
            entity.RequestedAt = now;
            var requests = PendingRequest.Read(entity.Requests);
            requests.Add(new PendingRequest(entity.Generation, address, Follows.Join(follows.Themes), frequency, now, includeMinorCorrections,
                Follows.Join(follows.Briefings), Follows.Join(follows.CaseStudies)));
            entity.Requests = PendingRequest.Write(requests);
            return (entity, null, (Reply.Confirmation, entity.ToSubscriber()));
        }, cancellationToken);

        try
        {
            switch (reply)
            {
                case Reply.Confirmation:
                    await _mailer.SendConfirmationAsync(address, await _titles.DescribeAsync(follows, cancellationToken), frequency,
                        await _links.ConfirmUrlAsync(subscriber!, cancellationToken), cancellationToken);
                    break;
                case Reply.AlreadySubscribed:
                    var additions = follows.Except(subscriber!.Follows);
                    await _mailer.SendAlreadySubscribedAsync(address, await _links.ManageUrlAsync(subscriber, additions, cancellationToken),
                        additions.IsEmpty ? [] : await _titles.DescribeAsync(additions, cancellationToken), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request is accepted either way; asking again sends another email (within the hourly allowance).
            _logger.LogError(ex, "Could not send the {Reply} email for subscriber {KeyedId}", reply, await _keys.ForIdAsync(id, cancellationToken));
        }
    }

    /// <summary>
    /// Follows a confirmation link: adds the follows of the request that link was sent for to what the address
    /// follows, applies its frequency and choice about minor corrections, and activates. Confirming again, once the
    /// request is applied, is fine. Null when the link is not genuine, has expired, or its request is no longer held
    /// (replaced by ten newer ones, expired, or the address left).
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
            if (entity is null)
            {
                return (null, null);
            }

            var request = RequestFor(entity, claims);
            if (entity.Status == SubscriberStatus.Active && request is null)
            {
                return (null, claims.Generation <= entity.Generation ? entity.ToSubscriber() : null);
            }

            if (request is null)
            {
                return (null, null);
            }

            var wasActive = entity.Status == SubscriberStatus.Active;
            entity.Status = SubscriberStatus.Active;
            entity.Address = request.Address;
            entity.Follow(entity.Following.Union(request.Follows));
            entity.Frequency = request.Frequency;
            entity.IncludeMinorCorrections = request.IncludeMinorCorrections;
            entity.ConfirmedAt = wasActive ? entity.ConfirmedAt : now;
            // The other requests' links still add what their emails named.
            entity.Requests = PendingRequest.Write(PendingRequest.Read(entity.Requests).Where(r => r.Generation != request.Generation).ToList());
            return (entity, entity.ToSubscriber());
        }, cancellationToken);
    }

    /// <summary>
    /// Checks a confirmation link without acting on it, for the page whose button confirms: mail scanners open every
    /// link in an email, so opening one must change nothing. While the link's request is still to be applied, the
    /// subscriber as it would make them, with status pending; once applied, the active subscriber; null when the link
    /// is not genuine, has expired or its request is no longer held.
    /// </summary>
    public async Task<Subscriber?> CheckConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Confirm, cancellationToken);
        var entity = claims is null ? null : await _store.ReadEntityAsync(claims.SubscriberId, cancellationToken);
        var request = entity is null ? null : RequestFor(entity, claims!);
        return entity switch
        {
            { Status: SubscriberStatus.Active or SubscriberStatus.Pending } when request is not null => WithFollows(entity.ToSubscriber() with
            {
                Address = request.Address, Frequency = request.Frequency, IncludeMinorCorrections = request.IncludeMinorCorrections, Status = SubscriberStatus.Pending,
            }, entity.Following.Union(request.Follows)),
            { Status: SubscriberStatus.Active } when claims!.Generation <= entity.Generation => entity.ToSubscriber(),
            _ => null,
        };
    }

    /// <summary>The subscriber a manage link belongs to; null when the link is not genuine, expired or out of date.</summary>
    public async Task<Subscriber?> FindAsync(string? manageToken, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(manageToken, TokenPurpose.Manage, cancellationToken);
        var subscriber = claims is null ? null : await _store.FindAsync(claims.SubscriberId, cancellationToken);
        return subscriber is not null && subscriber.Generation == claims!.Generation ? subscriber : null;
    }

    /// <summary>
    /// Changes an active subscriber's follows and frequency (and, when given, whether minor corrections are included)
    /// through their manage link: each of <paramref name="themes"/>, <paramref name="briefings"/> and
    /// <paramref name="caseStudies"/> replaces what is followed of its kind, and a null one keeps it. Null when the link
    /// is not genuine, expired or out of date, or the subscription is no longer active; nothing changes when the result
    /// would follow nothing (<see cref="SubscriptionUpdate.FollowsNothing"/>).
    /// </summary>
    public async Task<SubscriptionUpdate?> UpdateAsync(string? manageToken, IReadOnlyList<string>? themes, IReadOnlyList<string>? briefings, IReadOnlyList<string>? caseStudies,
        DigestFrequency frequency, bool? includeMinorCorrections = null, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(manageToken, TokenPurpose.Manage, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        return await _store.ChangeAsync<SubscriptionUpdate?>(claims.SubscriberId, entity =>
        {
            if (entity is null || entity.Generation != claims.Generation || entity.Status != SubscriberStatus.Active)
            {
                return (null, null);
            }

            var current = entity.Following;
            var follows = new Follows(themes ?? current.Themes, briefings ?? current.Briefings, caseStudies ?? current.CaseStudies);
            if (follows.IsEmpty)
            {
                return (null, new SubscriptionUpdate(entity.ToSubscriber(), FollowsNothing: true));
            }

            entity.Follow(follows);
            entity.Frequency = frequency;
            entity.IncludeMinorCorrections = includeMinorCorrections ?? entity.IncludeMinorCorrections;
            return (entity, new SubscriptionUpdate(entity.ToSubscriber(), FollowsNothing: false));
        }, cancellationToken);
    }

    /// <summary>
    /// Checks an unsubscribe link without acting on it (for the page with the button). Any genuine, unexpired
    /// unsubscribe link of the subscriber counts, whatever its generation: it was sent to their own inbox. For an
    /// address that has left (or was erased), an unsubscribed subscriber with no address.
    /// </summary>
    public async Task<Subscriber?> CheckUnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Unsubscribe, cancellationToken);
        return claims is null ? null : await _store.FindAsync(claims.SubscriberId, cancellationToken) ?? Left(claims.SubscriberId);
    }

    /// <summary>
    /// Unsubscribes at once (idempotent): the address, themes and pending requests are deleted, and only a keyed
    /// marker is kept (see <see cref="SuppressionEntity"/>) with a new token generation, so older manage and
    /// confirmation links stop working. Null when the link is not genuine or has expired.
    /// </summary>
    public async Task<Subscriber?> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = await _tokens.ReadAsync(token, TokenPurpose.Unsubscribe, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return await _store.ChangeAsync<Subscriber?>(claims.SubscriberId, (entity, marker) =>
        {
            if (entity is null)
            {
                return (null, null, marker?.ToSubscriber(claims.SubscriberId) ?? Left(claims.SubscriberId));
            }

            var left = new SuppressionEntity
            {
                Status = marker?.Status == SubscriberStatus.Suppressed ? SubscriberStatus.Suppressed : SubscriberStatus.Unsubscribed,
                Generation = Math.Max(entity.Generation, marker?.Generation ?? 0) + 1,
                At = now,
            };
            return (null, left, left.ToSubscriber(claims.SubscriberId));
        }, cancellationToken);
    }

    /// <summary>
    /// Adds an active subscription without the double opt-in and without sending anything: for sample data on a local
    /// run, never for a request from outside. An address that already has a subscription, or is suppressed, is left as
    /// it is. Returns the subscriber as stored.
    /// </summary>
    public async Task<Subscriber?> AddConfirmedAsync(string address, IReadOnlyList<string> themes, DigestFrequency frequency, CancellationToken cancellationToken = default)
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
                CreatedAt = now,
                RequestedAt = now,
                ConfirmedAt = now,
            };
            return (added, added.ToSubscriber());
        }, cancellationToken);
    }

    private static Subscriber WithFollows(Subscriber subscriber, Follows follows) =>
        subscriber with { Themes = follows.Themes, Briefings = follows.Briefings, CaseStudies = follows.CaseStudies };

    private static Subscriber Left(string id) => new(id, "", [], DigestFrequency.Weekly, SubscriberStatus.Unsubscribed, 0);

    private static PendingRequest? RequestFor(SubscriberEntity entity, SubscriptionToken claims) =>
        PendingRequest.Read(entity.Requests).LastOrDefault(r => r.Generation == claims.Generation);

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
