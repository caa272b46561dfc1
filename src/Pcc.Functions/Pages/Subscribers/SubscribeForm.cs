namespace Pcc.Functions.Pages.Subscribers;

/// <summary>What the subscribe form posted, as typed.</summary>
public sealed record SubscribeForm(string? Email, IReadOnlyList<string?> Themes, string? Frequency)
{
    /// <summary>An empty form, with a daily digest chosen.</summary>
    public static SubscribeForm Empty { get; } = new(null, [], "daily");

    /// <summary>Reads the posted fields <c>email</c>, <c>themes</c> (repeated) and <c>frequency</c>.</summary>
    public static SubscribeForm From(IFormCollection form) =>
        new(form["email"], form["themes"].ToArray(), form["frequency"]);
}
