using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.Storage.Tests.Tables;

/// <summary>Counts the requests a client sends, to prove that client-side validation sends none.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => _count;

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
