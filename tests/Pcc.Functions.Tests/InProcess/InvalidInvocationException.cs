namespace Pcc.Functions.Tests.InProcess;

/// <summary>Thrown by a handler when the payload lacks what the function needs; the handler replies 400.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
