using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>The HTTP response of an HTTP-triggered function.</summary>
public sealed record HttpOutputBinding(string Name = "res") : FunctionBinding("http", "out", Name)
{
    /// <inheritdoc />
    protected override void WriteProperties(Utf8JsonWriter writer)
    {
    }
}
