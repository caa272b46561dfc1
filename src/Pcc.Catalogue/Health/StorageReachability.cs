namespace Pcc.Catalogue.Health;

/// <summary>Which of the account's services answered one cheap request each.</summary>
/// <param name="Tables">The digest ledger and the ingest receipts could be read.</param>
/// <param name="Blobs">The briefings container's properties could be read.</param>
/// <param name="Queues">Every queue's properties could be read.</param>
public sealed record StorageReachability(bool Tables, bool Blobs, bool Queues);
