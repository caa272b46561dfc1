using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcc.Functions.Pages;
using Pcc.Functions.Pages.Editor;

namespace Pcc.Functions.Tests.Pages;

public sealed class EditorAccessTests
{
    // Registered as the app registers it: WEBSITE_AUTH_ENABLED reaches EditorAccess through its options.
    private static EditorAccess Access(bool requireSignIn, bool authEnabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Editors:RequireSignIn"] = requireSignIn ? "true" : "false",
            ["WEBSITE_AUTH_ENABLED"] = authEnabled ? "True" : null,
        }).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPages(configuration).BuildServiceProvider().GetRequiredService<EditorAccess>();
    }

    private static HttpRequest Request(string? principalJson = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/editor";
        if (principalJson is not null)
        {
            context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principalJson));
        }

        return context.Request;
    }

    [Fact]
    public void LocallyTheEditorPagesAreOpen() => Assert.Null(Access(requireSignIn: false, authEnabled: false).Check(Request()));

    [Fact]
    public void WithSignInRequiredSomeoneNotSignedInIsSentToTheEntraIdSignIn()
    {
        var redirect = Assert.IsType<RedirectHttpResult>(Access(true, true).Check(Request()));

        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Feditor", redirect.Url);
    }

    [Fact]
    public void ASignedInEditorMayUseThePagesAndSomeoneWithoutTheRoleMayNot()
    {
        const string editor = """{"auth_typ":"aad","role_typ":"roles","claims":[{"typ":"name","val":"Ed"},{"typ":"roles","val":"Editor"}]}""";
        const string reader = """{"auth_typ":"aad","role_typ":"roles","claims":[{"typ":"name","val":"Rita"}]}""";

        Assert.Null(Access(true, true).Check(Request(editor)));
        Assert.Equal(403, Assert.IsType<WebPage>(Access(true, true).Check(Request(reader))).StatusCode);
    }

    [Fact]
    public void AForgedPrincipalIsNotTrustedWhereAppServiceAuthenticationIsOff()
    {
        const string forged = """{"role_typ":"roles","claims":[{"typ":"roles","val":"Editor"}]}""";

        Assert.Equal(503, Assert.IsType<WebPage>(Access(true, authEnabled: false).Check(Request(forged))).StatusCode);
    }
}
