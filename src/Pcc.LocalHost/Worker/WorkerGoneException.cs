namespace Pcc.LocalHost.Worker;

/// <summary>The worker process ended or dropped its stream before it answered.</summary>
public sealed class WorkerGoneException(string message) : Exception(message);
