using System.Text;
using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Catalogue;

/// <summary>
/// The app as deployed: editors must sign in through App Service Authentication, which passes who they are in
/// <c>X-MS-CLIENT-PRINCIPAL</c>. Here the test plays the platform and sets that header itself.
/// </summary>
public sealed class SignedInEditorsApp : AppFixture
{
    /// <summary>A signed-in person with the Editor role, as App Service Authentication describes them.</summary>
    public static readonly string Editor = Principal("""{"auth_typ":"aad","role_typ":"roles","claims":[{"typ":"name","val":"Ed"},{"typ":"roles","val":"Editor"}]}""");

    /// <summary>A signed-in person without the role.</summary>
    public static readonly string Reader = Principal("""{"auth_typ":"aad","role_typ":"roles","claims":[{"typ":"name","val":"Rita"}]}""");

    protected override void Configure(LocalHostOptions options)
    {
        options.Settings["Editors:RequireSignIn"] = "true";
        options.Settings["WEBSITE_AUTH_ENABLED"] = "true";
    }

    /// <summary>GETs <paramref name="path"/> as <paramref name="principal"/> (null: anonymous).</summary>
    public async Task<HttpResponseMessage> GetAsAsync(string path, string? principal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return await Http.SendAsync(request);
    }

    private static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}

/// <summary>One worker for the tests of what the API shows editors and everyone else.</summary>
[CollectionDefinition(Name)]
public sealed class SignedInEditorsCollection : ICollectionFixture<SignedInEditorsApp>
{
    public const string Name = "SignedInEditors";
}
