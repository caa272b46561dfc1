using Pcc.Briefings.Reading;
using Pcc.Catalogue;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Search;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Subscriptions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Configuration;

/// <summary>The validators the app runs at start-up: the defaults pass, and each wrong value is named with its setting.</summary>
public sealed class OptionsValidatorTests
{
    [Fact]
    public void TheDefaultsInCodePass()
    {
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions()).Succeeded);
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions()).Succeeded);
        Assert.True(new ReaderLimitsValidator().Validate(null, ReaderLimits.Default).Succeeded);
        Assert.True(new SubscriptionOptionsValidator().Validate(null, new SubscriptionOptions()).Succeeded);
        Assert.True(new DigestOptionsValidator().Validate(null, new DigestOptions()).Succeeded);
        Assert.True(new SendGridOptionsValidator().Validate(null, new SendGridOptions()).Succeeded);
        Assert.True(new EmailOptionsValidator(Microsoft.Extensions.Options.Options.Create(new SendGridOptions())).Validate(null, new EmailOptions()).Succeeded);
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("ftp://example.org")]
    [InlineData("/relative")]
    public void APublicBaseUrlThatIsNotAnAbsoluteHttpUrlIsNamed(string url)
    {
        var result = new SubscriptionOptionsValidator().Validate(null, new SubscriptionOptions { PublicBaseUrl = url });

        Assert.Contains("Subscriptions:PublicBaseUrl must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenSecretThatIsNotBase64OfThirtyTwoBytesIsNamed()
    {
        var result = new SubscriptionOptionsValidator().Validate(null, new SubscriptionOptions { TokenSecret = "@Microsoft.KeyVault(SecretUri=https://v/secrets/s/)" });

        Assert.Contains("Subscriptions:TokenSecret must be base64", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SendGridWithoutAnApiKeyIsNamed()
    {
        var result = new EmailOptionsValidator(Microsoft.Extensions.Options.Options.Create(new SendGridOptions())).Validate(null, new EmailOptions { Transport = EmailTransportKind.SendGrid });

        Assert.Contains("Email:SendGrid:ApiKey must be set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbandonTimeNoLongerThanTheLockWaitIsNamed()
    {
        var result = new IngestionOptionsValidator().Validate(null, new IngestionOptions { LockWait = TimeSpan.FromMinutes(5), AbandonAfter = TimeSpan.FromMinutes(5) });

        Assert.Contains("Ingestion:AbandonAfter must be longer than Ingestion:LockWait", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Briefings")]
    [InlineData("br")]
    [InlineData("brief--ings")]
    [InlineData("-briefings")]
    public void AContainerNameTheServiceWouldRefuseIsNamed(string name)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { BriefingsContainer = name });

        Assert.Contains("Storage:BriefingsContainer must be a container name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AThemesFileThatIsMissingOrNotATaxonomyIsNamed()
    {
        var broken = Path.GetTempFileName();
        File.WriteAllText(broken, "{\"themes\": [{\"slug\": \"Not A Slug\", \"name\": \"x\"}]}");
        try
        {
            var missing = new CatalogueOptionsValidator().Validate(null, new CatalogueOptions { ThemesFile = broken + ".missing" });
            var invalid = new CatalogueOptionsValidator().Validate(null, new CatalogueOptions { ThemesFile = broken });

            Assert.Contains("Catalogue:ThemesFile names a file that does not exist", missing.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Catalogue:ThemesFile names a file that is not a theme taxonomy", invalid.FailureMessage, StringComparison.Ordinal);
            Assert.True(new CatalogueOptionsValidator().Validate(null, new CatalogueOptions()).Succeeded);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void ASynonymsFileThatIsMissingOrNotASynonymsListIsNamed()
    {
        var broken = Path.GetTempFileName();
        File.WriteAllText(broken, "rj, restorative justice\nvru\n");
        try
        {
            var missing = new SearchOptionsValidator().Validate(null, new SearchOptions { SynonymsFile = broken + ".missing" });
            var invalid = new SearchOptionsValidator().Validate(null, new SearchOptions { SynonymsFile = broken });

            Assert.Contains("Search:SynonymsFile names a file that does not exist", missing.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Search:SynonymsFile names a file that is not a synonyms list", invalid.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("Line 2 ('vru')", invalid.FailureMessage, StringComparison.Ordinal);
            Assert.True(new SearchOptionsValidator().Validate(null, new SearchOptions()).Succeeded);
            Assert.True(new SearchOptionsValidator().Validate(null, new SearchOptions { SynonymsFile = RepositoryRoot.Combine("seeds", "synonyms.txt") }).Succeeded);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { MaxRecipientsPerBatch = 5000, ClaimLease = TimeSpan.Zero });

        Assert.Contains("Digests:MaxRecipientsPerBatch must be from 1 to 1000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Digests:ClaimLease must be a duration above zero", result.FailureMessage, StringComparison.Ordinal);
    }
}
