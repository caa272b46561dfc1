namespace Pcc.Briefings.Reading;

/// <summary>
/// The outcome of reading a document: either its text or a <see cref="ReadFailure"/>. Modelled on
/// NodaTime's <c>ParseResult&lt;T&gt;</c>: failures are values, not exceptions, so a bad upload becomes a report.
/// </summary>
public sealed class ReadResult
{
    private readonly DocumentText? _value;
    private readonly ReadFailure? _failure;

    private ReadResult(DocumentText? value, ReadFailure? failure)
    {
        _value = value;
        _failure = failure;
    }

    /// <summary>True when the document was read.</summary>
    public bool Success => _value is not null;

    /// <summary>The text; throws <see cref="DocumentReadException"/> when reading failed.</summary>
    public DocumentText Value => _value ?? throw new DocumentReadException(_failure!);

    /// <summary>Why reading failed; null on success.</summary>
    public ReadFailure? Failure => _failure;

    /// <summary>A successful result.</summary>
    public static ReadResult ForValue(DocumentText value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A failed result.</summary>
    public static ReadResult ForFailure(ReadFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
