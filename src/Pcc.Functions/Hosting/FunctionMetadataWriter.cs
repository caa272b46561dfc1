using System.Text;
using System.Text.Json;

namespace Pcc.Functions.Hosting;

/// <summary>Writes one <c>{Name}/function.json</c> per function next to <c>host.json</c>, as the Functions host expects.</summary>
public static class FunctionMetadataWriter
{
    /// <summary>Writes every function's folder under <paramref name="appDirectory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<FunctionDefinition> functions, string appDirectory)
    {
        var written = new List<string>();
        foreach (var function in functions)
        {
            var folder = Path.Combine(appDirectory, function.Name);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "function.json");
            File.WriteAllText(file, ToJson(function), new UTF8Encoding(false));
            written.Add(file);
        }

        return written;
    }

    /// <summary>The <c>function.json</c> text of one function.</summary>
    public static string ToJson(FunctionDefinition function)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("bindings");
            foreach (var binding in function.Bindings)
            {
                binding.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
