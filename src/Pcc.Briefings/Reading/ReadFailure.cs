namespace Pcc.Briefings.Reading;

/// <summary>
/// Why a document could not be read, in words an editor can act on: which document, where in it,
/// and what was expected there.
/// </summary>
/// <param name="Document">The document's name.</param>
/// <param name="Kind">The class of failure.</param>
/// <param name="Location">Where the problem is, when it has a place (a page, a line, a part of a package).</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record ReadFailure(string Document, ReadFailureKind Kind, string? Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Location is null ? $"{Document}: {Message}" : $"{Document} ({Location}): {Message}";
}
