using System.Globalization;
using Pcc.Notifications.Digests;

namespace Pcc.DigestLoad;

/// <summary>
/// The command line: <c>[subscribers [senders [percent]]]</c> for the coordinator, <c>percent</c> being the share of
/// subscribers who also follow one to three single case studies (0 unless given); a child also gets <c>--role</c> and
/// what the coordinator set up (<c>--storage</c>, <c>--names</c>, <c>--sendgrid</c>, <c>--key</c>).
/// </summary>
internal sealed record BenchArguments(int Subscribers, int Senders, int FollowingCaseStudiesPercent, string? Role, string? Storage, string? Names, Uri? SendGrid, string? Key)
{
    /// <summary>The window every role works on: the daily digest of Monday 23 November 2026.</summary>
    public static DigestWindow Window { get; } =
        DigestSchedule.WindowEndingAt(DigestFrequency.Daily, new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));

    public static BenchArguments Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                named[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new BenchArguments(
            positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000,
            positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 4,
            positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 0,
            named.GetValueOrDefault("role"),
            named.GetValueOrDefault("storage"),
            named.GetValueOrDefault("names"),
            named.TryGetValue("sendgrid", out var uri) ? new Uri(uri) : null,
            named.GetValueOrDefault("key"));
    }

    /// <summary>The arguments that start a child in <paramref name="role"/>.</summary>
    public IEnumerable<string> ForChild(string role) =>
    [
        Subscribers.ToString(CultureInfo.InvariantCulture), Senders.ToString(CultureInfo.InvariantCulture), FollowingCaseStudiesPercent.ToString(CultureInfo.InvariantCulture),
        "--role", role, "--storage", Storage!, "--names", Names!, "--sendgrid", SendGrid!.AbsoluteUri, "--key", Key!,
    ];
}
