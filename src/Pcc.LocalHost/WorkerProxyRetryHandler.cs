namespace Pcc.LocalHost;

/// <summary>
/// Sends a forwarded request to the worker again when no connection could be made, as the Functions host's proxy does
/// (its RetryProxyHandler: up to 10 attempts, 50 ms apart at first, doubling to at most 250 ms). A worker says where it
/// takes HTTP requests when it initialises, and its server may begin listening a moment after its functions are loaded.
/// Only a refused or failed connection is retried, so a request whose body has gone to the worker is never sent twice.
/// </summary>
public sealed class WorkerProxyRetryHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>How many times a request is tried before its connection failure is returned.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan s_firstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var delay = s_firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt < MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken);
                delay = delay * 2 < s_maxDelay ? delay * 2 : s_maxDelay;
            }
        }
    }
}
