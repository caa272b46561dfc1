using Azure;

namespace Pcc.Storage.Tables.Internal;

/// <summary>A response that carries no value, e.g. a point read of an entity that does not exist.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The service returned {response.Status} and no value; check HasValue first.");

    public override Response GetRawResponse() => response;
}
