namespace Pcc.Briefings.Reading;

/// <summary>
/// Raised inside the readers when the bytes cannot be read; <see cref="BriefingReader"/> turns it into a
/// <see cref="ReadFailure"/> so callers only ever see values.
/// </summary>
internal sealed class ReadProblemException(ReadFailureKind kind, string? location, string message) : Exception(message)
{
    public ReadFailureKind Kind { get; } = kind;

    public string? Location { get; } = location;

    public ReadFailure ToFailure(string documentName) => new(documentName, Kind, Location, Message);
}
