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
    SubscriptionService subscriptions, SubscriptionValidator validator, SubscriptionLinks links, ThemeTaxonomy taxonomy, SubscriptionRateLimits limits)
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
            _ => ManagePage.Show(subscriber, taxonomy, await links.UnsubscribeUrlAsync(subscriber, cancellationToken)),
        };
    }

    private async Task<Results<Ok<SubscriptionView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string? token, SubscriptionChange change, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (themes, frequency) = Validate(change, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await subscriptions.UpdateAsync(token, themes!, frequency!.Value, change.IncludeMinorCorrections, cancellationToken) is { } subscriber
            ? TypedResults.Ok(SubscriptionView.From(subscriber))
            : InvalidLink();
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
        var (themes, frequency) = Validate(change, errors);
        var unsubscribeUrl = await links.UnsubscribeUrlAsync(subscriber, cancellationToken);
        if (errors.Count > 0)
        {
            return ManagePage.Invalid(subscriber, taxonomy, change.Themes ?? [], change.Frequency, change.IncludeMinorCorrections ?? false, errors.Keys, unsubscribeUrl);
        }

        return await subscriptions.UpdateAsync(token, themes!, frequency!.Value, change.IncludeMinorCorrections, cancellationToken) is { } updated
            ? ManagePage.Saved(updated, taxonomy, unsubscribeUrl)
            : SubscriptionPages.InvalidLink();
    }

    private (IReadOnlyList<string>? Themes, DigestFrequency? Frequency) Validate(SubscriptionChange change, Dictionary<string, string[]> errors) =>
        (validator.Themes(change.Themes, errors), validator.Frequency(change.Frequency, errors));

    // Read by hand rather than bound with [FromForm], which would demand antiforgery tokens: the manage token in the
    // URL already proves the form came from the page. A body that is not a readable form counts as an empty one.
    private static async Task<SubscriptionChange> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new SubscriptionChange([], null, false);
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var frequency = form["frequency"];
            // An unticked checkbox sends nothing, so the form always states the choice.
            return new SubscriptionChange(form["themes"].ToArray(), frequency.Count == 1 ? frequency[0] : null, SubscribeForm.MinorCorrections(form));
        }
        catch (InvalidDataException)
        {
            return new SubscriptionChange([], null, false);
        }
    }

    private static ProblemHttpResult InvalidLink() => TypedResults.Problem(
        "The link is not valid: it may have expired, been replaced by a newer one, or been copied incompletely.",
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid link");
}
