namespace Pcc.Functions.Pages.Editor;

/// <summary>
/// Who may use the editor pages (section <c>Editors</c>). Locally they are open. In Azure, App Service Authentication
/// (Entra ID) signs people in and passes their identity in <c>X-MS-CLIENT-PRINCIPAL</c>; with
/// <see cref="RequireSignIn"/> the pages need a signed-in person holding <see cref="Role"/>.
/// </summary>
public sealed class EditorAccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Editors";

    /// <summary>Require an Entra ID sign-in through App Service Authentication. Off by default (a local run).</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>The app role editors are given in the Entra ID app registration.</summary>
    public string Role { get; set; } = "Editor";

    /// <summary>
    /// Whether App Service Authentication is on for this app: the platform's own setting <c>WEBSITE_AUTH_ENABLED</c>,
    /// not one of the section's (see <c>AddPages</c>); only then is <c>X-MS-CLIENT-PRINCIPAL</c> the platform's.
    /// </summary>
    public bool AppServiceAuthentication { get; internal set; }
}
