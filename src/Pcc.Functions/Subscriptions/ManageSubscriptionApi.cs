using Pcc.Functions.Pages.Subscribers;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Briefings.Themes;
using Pcc.Functions.Pages;
using Pcc.Functions.Subscriptions.Models;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Functions.Subscriptions;

/// <summary>
/// The manage link, <c>/api/subscriptions/me?token=…</c>: JSON for scripts (GET, PUT), and for people a page with a
/// form (GET with a browser's <c>Accept</c>) that posts back to the same URL (POST, a urlencoded form).
/// </summary>
public sealed class ManageSubscriptionApi(
    SubscriptionService subscriptions, SubscriptionValidator validator, SubscriptionLinks links, ThemeTaxonomy taxonomy, IFollowTitles titles, SubscriptionRateLimits limits)
{
    /// <summary>The manage link: GET reads, PUT (JSON) and POST (the page's form) change the settings.</summary>
    [Function("ManageSubscription")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "post", Route = "api/subscriptions/me")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? token = request.Query["token"];
        var page = HttpMethods.IsPost(request.Method) || (HttpMethods.IsGet(request.Method) && BrowserRequest.PrefersHtml(request));
        if (await limits.CheckLinkAsync(request, token, TokenPurpose.Manage, page ? SubscriptionPages.InvalidLink : InvalidLink, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (HttpMethods.IsPut(request.Method))
        {
            var (change, problem) = await JsonBody.ReadAsync<SubscriptionChange>(request, cancellationToken);
            return change is null ? problem! : await UpdateAsync(token, change, cancellationToken);
        }

        return HttpMethods.IsPost(request.Method)
            ? await SaveAsync(token, request, cancellationToken)
            : await GetAsync(token, request, cancellationToken);
    }

    private async Task<Results<Ok<SubscriptionView>, ProblemHttpResult, WebPage>> GetAsync(string? token, HttpRequest request, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindAsync(token, cancellationToken);
        if (!BrowserRequest.PrefersHtml(request))
        {
            return subscriber is null ? InvalidLink() : TypedResults.Ok(SubscriptionView.From(subscriber));
        }

        return subscriber switch
        {
            null => SubscriptionPages.InvalidLink(),
            { Status: not SubscriberStatus.Active } => ManagePage.NotActive(subscriber),
            _ => await ShowAsync(subscriber, request, cancellationToken),
        };
    }

    // What the link asks to add (from the "already subscribed" email) is shown ticked when the catalogue knows it; only Save adds it.
    private async Task<WebPage> ShowAsync(Subscriber subscriber, HttpRequest request, CancellationToken cancellationToken)
    {
        static IEnumerable<string> Values(HttpRequest request, string name) => request.Query[name].OfType<string>().Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 200).Take(20);
        var asked = new Follows(
            [.. Values(request, SubscriptionLinks.AddThemeParameter).Distinct()],
            [.. Values(request, SubscriptionLinks.AddBriefingParameter).Distinct()],
            [.. Values(request, SubscriptionLinks.AddCaseStudyParameter).Distinct()]).Except(subscriber.Follows);
        var named = await titles.DescribeAsync(subscriber.Follows.Union(asked), cancellationToken);
        var adding = named.Where(n => n.Known && asked.Includes(n)).ToList();
        var offered = named.Where(n => n.Kind != FollowKind.Theme && (subscriber.Follows.Includes(n) || adding.Contains(n))).ToList();
        return ManagePage.Show(subscriber, taxonomy, offered, adding, await links.UnsubscribeUrlAsync(subscriber, cancellationToken));
    }

    private async Task<Results<Ok<SubscriptionView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string? token, SubscriptionChange change, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindAsync(token, cancellationToken) is not { } subscriber)
        {
            return InvalidLink();
        }

        var errors = new Dictionary<string, string[]>();
        var follows = await validator.ChangeAsync(change.Themes, change.Briefings, change.CaseStudies, subscriber.Follows, errors, cancellationToken);
        var frequency = validator.Frequency(change.Frequency, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (themes, briefings, caseStudies) = follows!.Value;
        return await subscriptions.UpdateAsync(token, themes, briefings, caseStudies, frequency!.Value, change.IncludeMinorCorrections, cancellationToken) switch
        {
            null => InvalidLink(),
            { FollowsNothing: true } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["themes"] = [SubscriptionValidator.NothingFollowed] }),
            var update => TypedResults.Ok(SubscriptionView.From(update.Subscriber)),
        };
    }

    // The form carries no token: it posts back to the page's own URL, whose query has it.
    private async Task<WebPage> SaveAsync(string? token, HttpRequest request, CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return SubscriptionPages.InvalidLink();
        }

        if (subscriber.Status != SubscriberStatus.Active)
        {
            return ManagePage.NotActive(subscriber);
        }

        var change = await ReadFormAsync(request, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var follows = await validator.FollowsAsync(change.Themes, change.Briefings, change.CaseStudies, errors, requireSome: true, cancellationToken, subscriber.Follows);
        var frequency = validator.Frequency(change.Frequency, errors);
        var unsubscribeUrl = await links.UnsubscribeUrlAsync(subscriber, cancellationToken);
        if (errors.Count > 0)
        {
            // The boxes offered stay those of the page: what is followed (known to the catalogue or not), and what was posted that it knows.
            var posted = new Follows([], [.. (change.Briefings ?? []).OfType<string>()], [.. (change.CaseStudies ?? []).OfType<string>()]);
            var offered = (await titles.DescribeAsync(new Follows([], subscriber.Briefings, subscriber.CaseStudies).Union(posted), cancellationToken))
                .Where(i => i.Known || subscriber.Follows.Includes(i)).ToList();
            return ManagePage.Invalid(subscriber, taxonomy, offered, change.Themes ?? [], change.Briefings ?? [], change.CaseStudies ?? [], change.Frequency,
                change.IncludeMinorCorrections ?? false, errors.Keys, unsubscribeUrl);
        }

        var update = await subscriptions.UpdateAsync(token, follows!.Themes, follows.Briefings, follows.CaseStudies, frequency!.Value, change.IncludeMinorCorrections, cancellationToken);
        return update is { FollowsNothing: false, Subscriber: var updated }
            ? ManagePage.Saved(updated, taxonomy, await titles.DescribeAsync(updated.Follows, cancellationToken), unsubscribeUrl)
            : SubscriptionPages.InvalidLink();
    }

    // Read by hand rather than bound with [FromForm], which would demand antiforgery tokens: the manage token in the
    // URL already proves the form came from the page. A body that is not a readable form counts as an empty one.
    private static async Task<SubscriptionChange> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new SubscriptionChange([], null, false, [], []);
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var frequency = form["frequency"];
            // An unticked checkbox sends nothing, so the form always states the choice.
            return new SubscriptionChange(form["themes"].ToArray(), frequency.Count == 1 ? frequency[0] : null, SubscribeForm.MinorCorrections(form),
                form["briefings"].ToArray(), form["caseStudies"].ToArray());
        }
        catch (InvalidDataException)
        {
            return new SubscriptionChange([], null, false, [], []);
        }
    }

    private static ProblemHttpResult InvalidLink() => TypedResults.Problem(
        "The link is not valid: it may have expired, been replaced by a newer one, or been copied incompletely.",
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid link");
}
