namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// The absolute links in subscription and digest emails, and the RFC 2369 / RFC 8058 unsubscribe headers. A digest
/// sender adds <see cref="UnsubscribeHeadersAsync"/> to each recipient and puts <see cref="ManageUrlAsync(Subscriber, CancellationToken)"/> and
/// <see cref="UnsubscribeUrlAsync"/> in the body.
/// </summary>
public sealed class SubscriptionLinks
{
    /// <summary>The path of the confirmation endpoint.</summary>
    public const string ConfirmPath = "api/subscriptions/confirm";

    /// <summary>The path of the manage endpoint.</summary>
    public const string ManagePath = "api/subscriptions/me";

    /// <summary>The path of the unsubscribe endpoint (GET: a page with a button; POST: unsubscribes at once).</summary>
    public const string UnsubscribePath = "api/subscriptions/unsubscribe";

    /// <summary>The manage link's query parameters naming a theme, briefing or case study to show ticked, not yet saved (before the token, which stays last).</summary>
    public const string AddThemeParameter = "addTheme", AddBriefingParameter = "addBriefing", AddCaseStudyParameter = "addCaseStudy";

    private readonly SubscriptionTokens _tokens;
    private readonly SubscriptionOptions _options;

    /// <summary>Creates the builder.</summary>
    public SubscriptionLinks(SubscriptionTokens tokens, SubscriptionOptions options)
    {
        _tokens = tokens;
        _options = options;
    }

    /// <summary>The link that confirms a pending subscription.</summary>
    public Task<Uri> ConfirmUrlAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        LinkAsync(ConfirmPath, TokenPurpose.Confirm, subscriber, cancellationToken);

    /// <summary>The link that shows and changes a subscriber's themes and frequency (until they unsubscribe).</summary>
    public Task<Uri> ManageUrlAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        LinkAsync(ManagePath, TokenPurpose.Manage, subscriber, cancellationToken);

    /// <summary>
    /// The manage link whose page shows <paramref name="additions"/> ticked, to be saved by pressing Save: how an active
    /// subscriber adds what they asked to follow. Opening it changes nothing.
    /// </summary>
    public async Task<Uri> ManageUrlAsync(Subscriber subscriber, Follows additions, CancellationToken cancellationToken = default)
    {
        var query = additions.Themes.Select(t => (AddThemeParameter, t))
            .Concat(additions.Briefings.Select(b => (AddBriefingParameter, b)))
            .Concat(additions.CaseStudies.Select(c => (AddCaseStudyParameter, c)))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}&");
        return await LinkAsync(ManagePath, TokenPurpose.Manage, subscriber, cancellationToken, string.Concat(query));
    }

    /// <summary>The unsubscribe link: a page with a button for people, and the one-click target for mail clients.</summary>
    public Task<Uri> UnsubscribeUrlAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        LinkAsync(UnsubscribePath, TokenPurpose.Unsubscribe, subscriber, cancellationToken);

    /// <summary>
    /// <c>List-Unsubscribe: &lt;https://…/api/subscriptions/unsubscribe?token=…&gt;</c> (plus a <c>mailto:</c> when
    /// <see cref="SubscriptionOptions.UnsubscribeMailbox"/> is set) and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>,
    /// which tells mail clients they may unsubscribe with a single POST (RFC 8058). The message must also be DKIM-signed
    /// with those headers covered for clients to offer it; SendGrid does that for an authenticated domain.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> UnsubscribeHeadersAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var url = await UnsubscribeUrlAsync(subscriber, cancellationToken);
        var value = $"<{url.AbsoluteUri}>";
        if (!string.IsNullOrWhiteSpace(_options.UnsubscribeMailbox))
        {
            value += $", <mailto:{_options.UnsubscribeMailbox.Trim()}?subject=unsubscribe>";
        }

        return new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = value,
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
    }

    // Any other parameters go before the token.
    private async Task<Uri> LinkAsync(string path, TokenPurpose purpose, Subscriber subscriber, CancellationToken cancellationToken, string before = "")
    {
        var token = await _tokens.IssueAsync(purpose, subscriber, cancellationToken);

        // The token is the last parameter and is named token: the Functions host's request telemetry (telemetryMode
        // OpenTelemetry in host.json) hides a URL from "token=" to its end, so the token never reaches Application Insights.
        return new Uri($"{_options.PublicBaseUrl.TrimEnd('/')}/{path}?{before}token={token}", UriKind.Absolute);
    }
}
