using Pcc.Catalogue.Storage;

namespace Pcc.Catalogue.Ingestion.Attempts;

/// <summary>A receipt as it was last read or written: <see cref="Receipt"/> null when there was none.</summary>
public readonly record struct StoredReceipt(IngestionEntity? Receipt);
