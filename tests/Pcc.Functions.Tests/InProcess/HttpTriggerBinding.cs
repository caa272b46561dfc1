using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// An HTTP trigger (https://learn.microsoft.com/azure/azure-functions/functions-bindings-http-webhook-trigger).
/// The route template is relative to the <c>api</c> prefix and uses the same syntax as ASP.NET Core routing,
/// so the handler maps the very same template.
/// </summary>
public sealed record HttpTriggerBinding(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel = "anonymous")
    : FunctionBinding("httpTrigger", "in", Name)
{
    /// <inheritdoc />
    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("authLevel", AuthLevel);
        writer.WriteStartArray("methods");
        foreach (var method in Methods)
        {
            writer.WriteStringValue(method.ToLowerInvariant());
        }

        writer.WriteEndArray();
        writer.WriteString("route", Route);
    }
}
