using Pcc.Notifications.Digests;

namespace Pcc.Notifications.Tests.Digests;

/// <summary>Changes and recipients for digest tests.</summary>
internal static class Samples
{
    public const string Violence = "tackling-violence-and-exploitation";
    public const string Victims = "supporting-victims";
    public const string Technology = "using-technology";

    /// <summary>The daily window ending Monday 23 November 2026 07:30 GMT.</summary>
    public static DigestWindow Daily { get; } = DigestSchedule.WindowEndingAt(DigestFrequency.Daily, new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero));

    public static DateTimeOffset At(int hour, int minute = 0) => Daily.Start.AddHours(hour).AddMinutes(minute);

    public static DigestChange New(string key, string theme = Violence, string? title = null, string? text = null, DateTimeOffset? at = null, int version = 1) => new(
        DigestChangeKind.New, key, "3", theme, ThemeTitle(theme), title ?? $"Case study {key}",
        text ?? $"The {key} project brought partners together to reduce harm in the community.", null, null,
        "public-safety-public-trust", "Public Safety, Public Trust", version, at ?? At(1));

    public static DigestChange Changed(string key, string before, string after, string theme = Violence, DateTimeOffset? at = null, int version = 2) => new(
        DigestChangeKind.Changed, key, "3", theme, ThemeTitle(theme), $"Case study {key}", after, null, before,
        "public-safety-public-trust", "Public Safety, Public Trust", version, at ?? At(2));

    public static DigestChange Removed(string key, string theme = Violence, DateTimeOffset? at = null, int version = 3) => new(
        DigestChangeKind.Removed, key, "3", theme, ThemeTitle(theme), $"Case study {key}", "Its last text.", null, null,
        "public-safety-public-trust", "Public Safety, Public Trust", version, at ?? At(3));

    public static DigestRecipient Recipient(string email, params string[] themes) => new(
        $"sub-{email}", email, themes, DigestFrequency.Daily,
        $"https://pcc.example.org/manage?token=m-{Uri.EscapeDataString(email)}",
        $"https://pcc.example.org/api/unsubscribe?token=u-{Uri.EscapeDataString(email)}");

    public static string ThemeTitle(string slug) => slug switch
    {
        Violence => "Tackling violence and exploitation",
        Victims => "Supporting victims",
        _ => "Using technology",
    };
}
