using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue.Storage;

/// <summary>Checks the <c>Storage</c> settings when the app starts: a container or table name the service would refuse stops it there, named.</summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var checks = new OptionsChecks(StorageOptions.Section)
            .Required(options.Connection, nameof(options.Connection), "the name of the storage connection setting, such as AzureWebJobsStorage.")
            .Check(!TablePrefix().IsMatch(options.TablePrefix), nameof(options.TablePrefix), $"must be empty or up to 40 letters and digits starting with a letter (it is '{options.TablePrefix}').");
        foreach (var (key, container) in Containers(options))
        {
            checks.Check(!ContainerName().IsMatch(container) || container.Contains("--", StringComparison.Ordinal), key,
                $"must be a container name: 3 to 63 lowercase letters, digits and single hyphens, starting with a letter or digit (it is '{container}').");
        }

        return checks.Result();
    }

    private static IEnumerable<(string Key, string Value)> Containers(StorageOptions o) =>
    [
        (nameof(o.BriefingsContainer), o.BriefingsContainer), (nameof(o.ReportsContainer), o.ReportsContainer),
        (nameof(o.LocksContainer), o.LocksContainer), (nameof(o.SummariesContainer), o.SummariesContainer),
        (nameof(o.SecretsContainer), o.SecretsContainer), (nameof(o.DigestBatchesContainer), o.DigestBatchesContainer),
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    // Table names are 3-63 letters and digits starting with a letter; the longest of the app's own is 23 characters.
    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,39})?$")]
    private static partial Regex TablePrefix();
}
