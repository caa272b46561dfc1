using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NCrontab;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>The Function App in Azure gets every setting the app reads, in a form the app can bind.</summary>
public sealed partial class AppSettingsTests
{
    private static readonly IReadOnlyDictionary<string, ArmValue> Settings = Templates.Main.AppSettings();

    [Fact]
    public void TheAppReadsOptionsAndBindings()
    {
        // Guards the tests below: they compare against what reflection finds, so it must find the app's surface.
        Assert.Contains(AppSurface.OptionSettings, s => s.Key == "Storage:BriefingsContainer");
        Assert.Contains(AppSurface.Bindings, b => b.Attribute == "BlobTriggerAttribute");
        Assert.Contains(AppSurface.Bindings, b => b.Attribute == "TimerTriggerAttribute");
    }

    [Fact]
    public void EverySettingTheAppsOptionsBindIsSet()
    {
        var missing = AppSurface.OptionSettings.Where(s => !Settings.ContainsKey(s.AppSetting)).Select(s => $"{s.AppSetting} ({s.Options.Name})");

        Assert.Empty(missing);
    }

    [Fact]
    public void EverySettingABindingNamesIsSet()
    {
        var missing = AppSurface.SettingExpressions().Where(name => !Settings.TryGetValue(name, out var value) || value.Text.Length == 0);

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryTimerScheduleIsASixFieldCronExpression()
    {
        var schedules = AppSurface.Bindings.Where(b => b.Attribute == "TimerTriggerAttribute").Select(b => b.Get("schedule")!).ToList();
        Assert.NotEmpty(schedules);

        foreach (var schedule in schedules)
        {
            var value = Percent().Replace(schedule, m => Settings[m.Groups[1].Value].Text);
            var parsed = CrontabSchedule.TryParse(value, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
            Assert.True(parsed is not null, $"{schedule} = '{value}' is not a six-field NCRONTAB expression");
        }
    }

    [Fact]
    public void LiteralSettingValuesConvertToTheTypesTheAppBindsThemTo()
    {
        var wrong = new List<string>();
        foreach (var setting in AppSurface.OptionSettings.Where(s => Settings.TryGetValue(s.AppSetting, out var v) && v.IsLiteral))
        {
            var text = Settings[setting.AppSetting].Text;
            if (text.Length == 0)
            {
                // An empty value leaves a nullable or string property empty; any other type cannot bind it.
                if (setting.PropertyType.IsValueType && Nullable.GetUnderlyingType(setting.PropertyType) is null)
                {
                    wrong.Add($"{setting.AppSetting} is empty but binds to {setting.PropertyType.Name}");
                }

                continue;
            }

            var type = Nullable.GetUnderlyingType(setting.PropertyType) ?? setting.PropertyType;
            try
            {
                TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException || ex.InnerException is FormatException)
            {
                wrong.Add($"{setting.AppSetting} = '{text}' is not a {type.Name}: {ex.Message}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void SecretsAreKeyVaultReferencesToSecretsTheVaultHolds()
    {
        // With every optional secret given, each secret setting must be a reference (never the secret itself).
        var settings = Templates.Main.With(new JsonObject { ["sendGridWebhookPublicKey"] = "given" }).AppSettings();
        var vaultSecrets = Templates.Main.Resources("Microsoft.KeyVault/vaults/secrets").Select(r => r.LeafName).ToHashSet();
        var secretSettings = AppSurface.OptionSettings.Where(s => SecretName().IsMatch(s.Key)).Select(s => s.AppSetting).ToList();
        Assert.Contains("Email__SendGrid__ApiKey", secretSettings);

        foreach (var name in secretSettings)
        {
            var reference = KeyVaultReference().Match(settings[name].Text);
            Assert.True(reference.Success, $"{name} = {settings[name].Text} is not a Key Vault reference");
            Assert.Contains(reference.Groups["secret"].Value, vaultSecrets);
        }
    }

    [Fact]
    public void TheAppReadsKeyVaultAsTheIdentityThatMayReadSecrets()
    {
        var app = Templates.Main.Single("Microsoft.Web/sites");
        var identity = app.Property("properties.keyVaultReferenceIdentity").Text;

        Assert.Equal(identity, Assert.Single(app.Property("identity.userAssignedIdentities").Node!.AsObject()).Key);
        Assert.Contains(Templates.Main.Resources("Microsoft.Authorization/roleAssignments"),
            r => r.Property("properties.roleDefinitionId").Text.Contains(RoleIds.KeyVaultSecretsUser, StringComparison.Ordinal));
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Percent();

    [GeneratedRegex("(ApiKey|Password|Secret|WebhookPublicKey)$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=.+secrets/(?<secret>[A-Za-z0-9-]+)/\)$")]
    private static partial Regex KeyVaultReference();
}
