using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// A <see cref="TextDiff"/> in JSON is the array of its pieces. Reading also accepts the marked string
/// (<c>kept [-deleted-]{+inserted+}</c>) that catalogues and reports stored before pieces were, so old rows and
/// reports read as new ones do. Hand-written because the serializer has no way to read one type from two shapes.
/// </summary>
internal sealed class TextDiffJsonConverter : JsonConverter<TextDiff>
{
    public override TextDiff Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return TextDiff.Parse(reader.GetString()!);
        }

        var pieces = JsonSerializer.Deserialize<DiffPiece[]>(ref reader, options) ?? throw new JsonException("A diff is an array of pieces, not null.");
        return pieces.Any(p => p is null || p.Text is null)
            ? throw new JsonException("Every piece of a diff has a kind and a text.")
            : TextDiff.Of(pieces);
    }

    public override void Write(Utf8JsonWriter writer, TextDiff value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Pieces, options);
}
