using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Blobs.Models;
using Pcc.Storage.Internal;

namespace Pcc.Storage.Blobs.Specialized;

/// <summary>
/// Acquires, renews, releases and breaks the lease on a blob or container (Lease Blob / Lease Container,
/// https://learn.microsoft.com/rest/api/storageservices/lease-blob). While a blob is leased, writes and deletes
/// must carry the lease id in <see cref="BlobRequestConditions.LeaseId"/>. Shaped like
/// <c>Azure.Storage.Blobs.Specialized.BlobLeaseClient</c>.
/// </summary>
public sealed class BlobLeaseClient
{
    /// <summary>The duration that makes a lease last until it is released or broken.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly HttpPipeline _pipeline;
    private readonly bool _isContainer;

    /// <summary>A lease client for a blob; <paramref name="leaseId"/> defaults to a new GUID.</summary>
    public BlobLeaseClient(BlobClient client, string? leaseId = null)
        : this((client ?? throw new ArgumentNullException(nameof(client))).Pipeline, client.Uri, isContainer: false, leaseId)
    {
    }

    /// <summary>A lease client for a container; <paramref name="leaseId"/> defaults to a new GUID.</summary>
    public BlobLeaseClient(BlobContainerClient client, string? leaseId = null)
        : this((client ?? throw new ArgumentNullException(nameof(client))).Pipeline, client.Uri, isContainer: true, leaseId)
    {
    }

    private BlobLeaseClient(HttpPipeline pipeline, Uri uri, bool isContainer, string? leaseId)
    {
        _pipeline = pipeline;
        _isContainer = isContainer;
        Uri = uri;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>The lease id this client acquires with and presents; after a successful acquire, the service's.</summary>
    public string LeaseId { get; private set; }

    /// <summary>The leased blob's or container's URI.</summary>
    public Uri Uri { get; }

    /// <summary>
    /// Acquires the lease for 15 to 60 seconds, or <see cref="InfiniteLeaseDuration"/>. Fails with 409
    /// LeaseAlreadyPresent while another id holds it; acquiring again with the same id renews it.
    /// </summary>
    public async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var seconds = DurationSeconds(duration);
        using var message = CreateLeaseRequest("acquire", conditions);
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        var lease = ReadLease(response);
        LeaseId = lease.LeaseId ?? LeaseId;
        return Response.FromValue(lease, response);
    }

    /// <summary>Restarts the lease's clock; fails with 409 once another holder has acquired it.</summary>
    public async Task<Response<BlobLease>> RenewAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateLeaseRequest("renew", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadLease(response), response);
    }

    /// <summary>Ends the lease so another holder can acquire one straight away.</summary>
    public async Task<Response<ReleasedObjectInfo>> ReleaseAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateLeaseRequest("release", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(new ReleasedObjectInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
    }

    /// <summary>
    /// Breaks whatever lease is active, without knowing its id, after <paramref name="breakPeriod"/> (0 to 60 s;
    /// null lets a fixed lease run out and breaks an infinite one at once).
    /// </summary>
    public async Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateLeaseRequest("break", conditions);
        if (breakPeriod is { } period)
        {
            if (period < TimeSpan.Zero || period > TimeSpan.FromSeconds(60))
            {
                throw new ArgumentOutOfRangeException(nameof(breakPeriod), period, "A lease break period is 0 to 60 seconds.");
            }

            message.Request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
        return Response.FromValue(ReadLease(response), response);
    }

    /// <summary>Changes the active lease's id to <paramref name="proposedId"/>.</summary>
    public async Task<Response<BlobLease>> ChangeAsync(string proposedId, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposedId);
        using var message = CreateLeaseRequest("change", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var lease = ReadLease(response);
        LeaseId = lease.LeaseId ?? proposedId;
        return Response.FromValue(lease, response);
    }

    private static int DurationSeconds(TimeSpan duration)
    {
        if (duration == InfiniteLeaseDuration)
        {
            return -1;
        }

        if (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60) || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 whole seconds, or is infinite (InfiniteLeaseDuration).");
        }

        return (int)duration.TotalSeconds;
    }

    private static BlobLease ReadLease(Response response) => new()
    {
        ETag = BlobHeaders.ETag(response),
        LastModified = BlobHeaders.LastModified(response),
        LeaseId = response.Headers.TryGetValue("x-ms-lease-id", out var id) ? id : null,
        LeaseTime = response.Headers.TryGetValue("x-ms-lease-time", out var time) && int.TryParse(time, CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
    };

    private HttpMessage CreateLeaseRequest(string action, RequestConditions? conditions)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Put;
        request.Uri.Reset(Uri);
        if (_isContainer)
        {
            request.Uri.AppendQuery("restype", "container");
        }

        request.Uri.AppendQuery("comp", "lease");
        request.Headers.SetValue("x-ms-lease-action", action);
        BlobHeaders.WriteConditions(request, conditions, leaseId: null);
        return message;
    }
}
