using System.Text.Json.Serialization;

namespace Pcc.Briefings.Comparison;

/// <summary>
/// How much a change matters to a reader (see <see cref="ChangeGrader"/>); stored and served as <c>substantive</c> or
/// <c>editorial</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeGrade>))]
public enum ChangeGrade
{
    /// <summary>What the case study says changed: a figure, a word, a sentence, its theme. Every subscriber hears of it.</summary>
    [JsonStringEnumMemberName("substantive")]
    Substantive,
    /// <summary>A correction that leaves what it says as it was; sent only to subscribers who ask for minor corrections.</summary>
    [JsonStringEnumMemberName("editorial")]
    Editorial,
}
