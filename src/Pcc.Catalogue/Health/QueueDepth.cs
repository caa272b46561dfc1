namespace Pcc.Catalogue.Health;

/// <summary>A queue's approximate number of messages: 0 when the queue does not exist yet, null when it did not answer.</summary>
public sealed record QueueDepth(string Name, int? Messages);
