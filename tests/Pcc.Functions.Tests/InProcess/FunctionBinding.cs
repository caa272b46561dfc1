using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// One entry of a function's <c>bindings</c> array in <c>function.json</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-triggers-bindings).
/// </summary>
/// <param name="Type">The binding type, e.g. <c>blobTrigger</c>.</param>
/// <param name="Direction"><c>in</c> or <c>out</c>.</param>
/// <param name="Name">The name the payload uses for this binding's data.</param>
public abstract record FunctionBinding(string Type, string Direction, string Name)
{
    /// <summary>Writes the binding as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        writer.WriteString("direction", Direction);
        writer.WriteString("name", Name);
        WriteProperties(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes the properties particular to the binding type.</summary>
    protected abstract void WriteProperties(Utf8JsonWriter writer);
}
