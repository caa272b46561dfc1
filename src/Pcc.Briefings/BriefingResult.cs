using Pcc.Briefings.Reading;

namespace Pcc.Briefings;

/// <summary>The outcome of parsing a document: a <see cref="Briefing"/> or the <see cref="ReadFailure"/> that stopped it.</summary>
public sealed class BriefingResult
{
    private readonly Briefing? _value;

    private BriefingResult(Briefing? value, ReadFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    /// <summary>True when the document was read; it may still have no case studies (see the warnings).</summary>
    public bool Success => _value is not null;

    /// <summary>The briefing; throws <see cref="DocumentReadException"/> when reading failed.</summary>
    public Briefing Value => _value ?? throw new DocumentReadException(Failure!);

    /// <summary>Why the document could not be read; null on success.</summary>
    public ReadFailure? Failure { get; }

    /// <summary>A successful result.</summary>
    public static BriefingResult ForValue(Briefing value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A failed result.</summary>
    public static BriefingResult ForFailure(ReadFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
