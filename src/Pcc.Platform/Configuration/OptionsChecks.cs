using Microsoft.Extensions.Options;

namespace Pcc.Platform.Configuration;

/// <summary>
/// Collects what is wrong with one options object, each problem naming the app setting (<c>Section:Key</c>) to fix,
/// and turns it into a <see cref="ValidateOptionsResult"/>. The validators of the app's options use it.
/// </summary>
public sealed class OptionsChecks(string section)
{
    private readonly List<string> _problems = [];

    /// <summary>Records <paramref name="problem"/> about <c>{section}:{key}</c> when <paramref name="wrong"/> holds.</summary>
    public OptionsChecks Check(bool wrong, string key, string problem)
    {
        if (wrong)
        {
            _problems.Add($"{section}:{key} {problem}");
        }

        return this;
    }

    /// <summary>The setting must be an absolute http or https URL.</summary>
    public OptionsChecks HttpUrl(string? value, string key) =>
        Check(!IsHttpUrl(value), key, $"must be an absolute http(s) URL (it is '{value}').");

    /// <summary>The setting must be a duration above zero.</summary>
    public OptionsChecks Positive(TimeSpan value, string key) =>
        Check(value <= TimeSpan.Zero, key, $"must be a duration above zero, such as 00:00:30 (it is {value}).");

    /// <summary>The setting must be a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public OptionsChecks InRange(long value, string key, long min, long max = long.MaxValue) =>
        Check(value < min || value > max, key, max == long.MaxValue ? $"must be at least {min} (it is {value})." : $"must be from {min} to {max} (it is {value}).");

    /// <summary>The setting must not be empty.</summary>
    public OptionsChecks Required(string? value, string key, string why) =>
        Check(string.IsNullOrWhiteSpace(value), key, $"must be set: {why}");

    /// <summary>
    /// The setting, when set, must name a file that <paramref name="load"/> reads without an I/O or format error;
    /// <paramref name="what"/> says what the file should be, <paramref name="unset"/> what leaving the setting empty gives.
    /// The file is read once, so the problem found is the message given.
    /// </summary>
    public OptionsChecks ReadableFile(string? path, string key, Action<string> load, string what, string unset)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return this;
        }

        if (!File.Exists(path))
        {
            return Check(true, key, $"names a file that does not exist ('{path}'); leave it empty for {unset}.");
        }

        try
        {
            load(path);
            return this;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return Check(true, key, $"names a file that is not {what} ('{path}': {ex.Message}); leave it empty for {unset}.");
        }
    }

    /// <summary>Success, or every problem found, one per line.</summary>
    public ValidateOptionsResult Result() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL with a host.</summary>
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}
