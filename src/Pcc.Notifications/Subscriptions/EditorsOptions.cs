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
    public IReadOnlyList<string> GetAddresses() =>
        TryGetAddresses(out var addresses) ? addresses : throw new FormatException("Notifications:Editors has an entry that is not an email address.");

    /// <summary>The normalised, distinct addresses; false when an entry is not an address.</summary>
    public bool TryGetAddresses(out IReadOnlyList<string> addresses)
    {
        var found = new List<string>();
        addresses = found;
        foreach (var entry in Editors.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!EmailAddressRule.TryNormalise(entry, out var address, out _))
            {
                return false;
            }

            if (!found.Contains(address, StringComparer.Ordinal))
            {
                found.Add(address);
            }
        }

        return true;
    }
}
