namespace Pcc.Catalogue.Ingestion.Attempts;

/// <summary>
/// Thrown for a blob version whose attempts kept dying: the version is recorded as failed, and failing every
/// invocation of it makes the host move it to the poison queue instead of crash-looping on it.
/// </summary>
public sealed class IngestAttemptsExhaustedException(string message) : Exception(message);
