using Pcc.Briefings.Themes;
using Pcc.Functions.Pages.Subscribers;
using Pcc.Functions.Policies;
using Pcc.Functions.Subscriptions;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Pages;

/// <summary>
/// <c>/subscribe</c>: the form (GET) and its post (POST), with the API's rules: double opt-in, the same reply whatever
/// the address's state, the same rate limits, and form posts only from this site (the last two checked before it runs,
/// <see cref="RequestPolicyAttribute"/>).
/// </summary>
public sealed class SubscribePages(SubscriptionService subscriptions, SubscriptionValidator validator, ThemeTaxonomy taxonomy, SubscriptionRateLimits limits)
{
    /// <summary>Shows the form, or handles what it posted.</summary>
    [Function("SubscribePage")]
    [RequestPolicy(RequestPolicies.SameOriginPosts | RequestPolicies.SubscribeLimits, Page = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "subscribe")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return SubscribePage.Form(taxonomy, SubscribeForm.Empty);
        }

        var form = request.HasFormContentType ? SubscribeForm.From(await request.ReadFormAsync(cancellationToken)) : SubscribeForm.Empty;
        var problems = new Dictionary<string, string[]>();
        var address = validator.Address(form.Email, problems);
        var themes = validator.Themes(form.Themes, problems);
        var frequency = validator.Frequency(form.Frequency, problems);
        if (problems.Count > 0)
        {
            var errors = problems.ToDictionary(p => p.Key, p => p.Key switch
            {
                "themes" => "Choose at least one theme.",
                "frequency" => "Choose how often we email you.",
                _ => p.Value[0],
            });
            return SubscribePage.Form(taxonomy, form, errors);
        }

        if (await limits.RecipientDomainAsync(request, address!, cancellationToken) is not null)
        {
            return SubscribePage.TooMany();
        }

        await subscriptions.RequestAsync(address!, themes!, frequency!.Value, form.IncludeMinorCorrections, cancellationToken);
        return SubscribePage.CheckEmail(address!);
    }
}
