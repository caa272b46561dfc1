using Pcc.Catalogue.Storage;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// One limit's count in one fixed window: partition = the window's start (UTC, <c>yyyyMMddHHmm</c>), row = the limit's
/// key (<c>all</c>, or a kind and a keyed hash such as <c>client-…</c>, never a raw address).
/// </summary>
public sealed class RateLimitCounterEntity : EntityBase
{
    /// <summary>Requests counted in the window.</summary>
    public int Count { get; set; }
}
