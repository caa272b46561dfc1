namespace Pcc.Briefings.Reading;

/// <summary>Thrown when the value of a failed <see cref="ReadResult"/> is asked for.</summary>
public sealed class DocumentReadException(ReadFailure failure) : Exception(failure.ToString())
{
    /// <summary>What went wrong, and where.</summary>
    public ReadFailure Failure { get; } = failure;
}
