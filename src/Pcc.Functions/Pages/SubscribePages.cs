using Pcc.Briefings.Themes;
using Pcc.Functions.Pages.Subscribers;
using Pcc.Functions.Policies;
using Pcc.Functions.Subscriptions;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Pages;

/// <summary>
/// <c>/subscribe</c>: the form (GET; <c>?briefing=…</c> and <c>?caseStudy=…</c> carry something to follow) and its post
/// (POST, also from the "Get emails about this" form on case study and briefing pages), with the API's rules: double
/// opt-in, the same reply whatever the address's state, the same rate limits, and form posts only from this site (the
/// last two checked before it runs, <see cref="RequestPolicyAttribute"/>).
/// </summary>
public sealed class SubscribePages(SubscriptionService subscriptions, SubscriptionValidator validator, ThemeTaxonomy taxonomy, IFollowTitles titles, SubscriptionRateLimits limits)
{
    /// <summary>Shows the form, or handles what it posted.</summary>
    [Function("SubscribePage")]
    [RequestPolicy(RequestPolicies.SameOriginPosts | RequestPolicies.SubscribeLimits, Page = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "subscribe")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            // Only what the catalogue knows is carried on (in hidden fields): a link naming something else opens the plain form.
            var asked = SubscribeForm.For(request.Query);
            return SubscribePage.Form(taxonomy, asked, following: await KnownAsync(asked, cancellationToken));
        }

        var form = request.HasFormContentType ? SubscribeForm.From(await request.ReadFormAsync(cancellationToken)) : SubscribeForm.Empty;
        var problems = new Dictionary<string, string[]>();
        var address = validator.Address(form.Email, problems);
        var follows = await validator.FollowsAsync(form.Themes, form.Briefings, form.CaseStudies, problems, requireSome: true, cancellationToken);
        var frequency = validator.Frequency(form.Frequency, problems);
        if (problems.Count > 0)
        {
            var errors = problems.ToDictionary(p => p.Key, p => p.Key switch
            {
                "themes" when form.Themes.Count > 0 => "Choose themes from the list only.",
                "themes" => "Choose at least one theme.",
                "frequency" => "Choose how often we email you.",
                "briefings" => "That briefing is not in the catalogue.",
                "caseStudies" => "That case study is not in the catalogue.",
                _ => p.Value[0],
            });
            return SubscribePage.Form(taxonomy, form, errors, await KnownAsync(form, cancellationToken));
        }

        if (await limits.RecipientDomainAsync(request, address!, cancellationToken) is not null)
        {
            return SubscribePage.TooMany();
        }

        await subscriptions.RequestAsync(address!, follows!, frequency!.Value, form.IncludeMinorCorrections, cancellationToken);
        return SubscribePage.CheckEmail(address!, follows!.HasItems ? await titles.DescribeAsync(new Follows([], follows.Briefings, follows.CaseStudies), cancellationToken) : []);
    }

    private async Task<IReadOnlyList<FollowedItem>> KnownAsync(SubscribeForm form, CancellationToken cancellationToken) =>
        form.Items.IsEmpty ? [] : [.. (await titles.DescribeAsync(form.Items, cancellationToken)).Where(i => i.Known)];
}
