namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Counts the bytes all of a document's streams inflate to, so that a compression bomb stops early.</summary>
internal sealed class DecompressionBudget(long limit)
{
    private long _used;

    public long Remaining => limit - _used;

    public void Spend(long bytes) => _used += bytes;
}
