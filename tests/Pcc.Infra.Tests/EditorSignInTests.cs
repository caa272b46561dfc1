using System.Text.Json.Nodes;
using Pcc.Functions.Pages.Editor;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>
/// App Service Authentication (Entra ID) is declared in the Bicep, in the shape the app's editor check expects: readers
/// pass without signing in, the editor pages send people to the Microsoft provider and let in the Editor app role.
/// </summary>
public sealed class EditorSignInTests
{
    private const string ClientId = "33333333-3333-3333-3333-333333333333";
    private const string TenantId = "44444444-4444-4444-4444-444444444444";

    private static readonly ArmScope WithRegistration =
        Templates.Main.With(new JsonObject { ["editorSignInClientId"] = ClientId, ["editorSignInTenantId"] = TenantId });

    [Fact]
    public void SignInIsOnWithTheMicrosoftProviderOfTheGivenAppRegistration()
    {
        var auth = AuthSettings(WithRegistration);

        Assert.True(auth.Property("properties.platform.enabled").Node!.GetValue<bool>());
        var providers = auth.Property("properties.identityProviders").Node!.AsObject();
        // EditorAccess sends people to /.auth/login/aad: the azureActiveDirectory provider's path.
        var provider = Assert.Single(providers).Key;
        Assert.Equal("azureActiveDirectory", provider);
        Assert.True(auth.Property($"properties.identityProviders.{provider}.enabled").Node!.GetValue<bool>());
        Assert.Equal(ClientId, auth.Property($"properties.identityProviders.{provider}.registration.clientId").Text);
        var issuer = auth.Property($"properties.identityProviders.{provider}.registration.openIdIssuer").Text;
        Assert.Equal($"environment().authentication.loginEndpoint{TenantId}/v2.0", issuer);
    }

    [Fact]
    public void ReadersPassWithoutSigningInAndTheAppGatesTheEditorPages()
    {
        var auth = AuthSettings(WithRegistration);
        var settings = WithRegistration.AppSettings();

        Assert.False(auth.Property("properties.globalValidation.requireAuthentication").Node!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", auth.Property("properties.globalValidation.unauthenticatedClientAction").Text);
        Assert.Equal("true", settings[$"{EditorAccessOptions.Section}__{nameof(EditorAccessOptions.RequireSignIn)}"].Text);
        Assert.Equal("Editor", settings[$"{EditorAccessOptions.Section}__{nameof(EditorAccessOptions.Role)}"].Text);
    }

    [Fact]
    public void WithoutAnAppRegistrationSignInIsOffAndTheEditorPagesStayClosed()
    {
        var auth = AuthSettings(Templates.Main);

        // The platform then does not set WEBSITE_AUTH_ENABLED, and EditorAccess refuses every editor page.
        Assert.False(auth.Property("properties.platform.enabled").Node!.GetValue<bool>());
        Assert.Equal("true", Templates.Main.AppSettings()[$"{EditorAccessOptions.Section}__{nameof(EditorAccessOptions.RequireSignIn)}"].Text);
    }

    private static ArmResource AuthSettings(ArmScope template) =>
        template.Resources("Microsoft.Web/sites/config").Single(r => r.Name.Text.EndsWith("/authsettingsV2", StringComparison.Ordinal));
}
