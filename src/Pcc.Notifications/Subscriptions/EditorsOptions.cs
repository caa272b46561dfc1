namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// Who receives the weekly summary: <c>Notifications:Editors</c>, addresses separated by commas or semicolons.
/// Bound from the <c>Notifications</c> configuration section; empty by default (no summary email).
/// </summary>
public sealed class EditorsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Notifications";

    /// <summary>The raw setting, such as <c>editor@example.org; desk@example.org</c>.</summary>
    public string Editors { get; set; } = "";

    /// <summary>The normalised, distinct addresses, in the order given.</summary>
    /// <exception cref="FormatException">An entry is not an address <see cref="EmailAddressRule"/> accepts.</exception>
    public IReadOnlyList<string> GetAddresses()
    {
        var addresses = new List<string>();
        foreach (var entry in Editors.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!EmailAddressRule.TryNormalise(entry, out var address, out var problem))
            {
                throw new FormatException($"Notifications:Editors has an entry that is not an email address ('{entry}'): {problem}");
            }

            if (!addresses.Contains(address, StringComparer.Ordinal))
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }
}
