using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Pcc.Functions.Pages.Editor;

/// <summary>
/// Decides whether a request may use the editor pages. With sign-in required, trusts <c>X-MS-CLIENT-PRINCIPAL</c>
/// only where App Service Authentication is on (<c>WEBSITE_AUTH_ENABLED</c>), since then the platform removes that
/// header from incoming requests and sets it itself; anywhere else sign-in cannot be checked and editors are refused.
/// </summary>
public sealed class EditorAccess(IOptions<EditorAccessOptions> options)
{
    /// <summary>Null when the request may go on; otherwise the result to send (a sign-in redirect, or a refusal page).</summary>
    public IResult? Check(HttpRequest request)
    {
        var o = options.Value;
        if (!o.RequireSignIn)
        {
            return null;
        }

        if (!o.AppServiceAuthentication)
        {
            return Refuse("Sign-in is required but App Service Authentication is not turned on for this app.", StatusCodes.Status503ServiceUnavailable);
        }

        var header = request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString();
        if (header.Length == 0)
        {
            var back = Uri.EscapeDataString(request.Path.Value ?? "/editor");
            return TypedResults.Redirect($"/.auth/login/aad?post_login_redirect_uri={back}");
        }

        return HasRole(header, o.Role) ? null : Refuse($"Your account does not have the {o.Role} role for this app. Ask an administrator to assign it.", StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Whether the request comes from an editor, by the same rules as <see cref="Check"/>: anyone where sign-in is not
    /// required (a local run), otherwise only a signed-in person with the role where App Service Authentication is on.
    /// The API uses it to show unpublished versions and their reports to editors only.
    /// </summary>
    public bool IsEditor(HttpRequest request)
    {
        var o = options.Value;
        return !o.RequireSignIn
            || (o.AppServiceAuthentication
                && request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString() is { Length: > 0 } header && HasRole(header, o.Role));
    }

    // The header is base64 JSON: {"auth_typ":…,"role_typ":…,"claims":[{"typ":…,"val":…}]}.
    private static bool HasRole(string header, string role)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var roleType = json.RootElement.TryGetProperty("role_typ", out var rt) ? rt.GetString() : null;
            return json.RootElement.TryGetProperty("claims", out var claims) && claims.EnumerateArray().Any(c =>
                c.TryGetProperty("typ", out var typ) && c.TryGetProperty("val", out var val)
                && (typ.GetString() == roleType || typ.GetString() is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
                && val.GetString() == role);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static WebPage Refuse(string message, int status) =>
        WebPage.Of<EditorsOnlyPage>(new() { [nameof(EditorsOnlyPage.Message)] = message }, status, isPrivate: true);
}
