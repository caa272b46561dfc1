using System.Text.Json.Nodes;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>
/// The operator hears of what would otherwise be a log line: each alert is on, watches the right resource and the
/// app's own log message or metric, and emails the operator's address through one action group.
/// </summary>
public sealed class AlertTests
{
    private static readonly Lazy<string> AppSource = new(() => string.Join('\n',
        Directory.EnumerateFiles(Repository.File("src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText)));

    [Fact]
    public void TheActionGroupEmailsTheOperatorEmailParameter()
    {
        var group = ActionGroup();

        Assert.Equal("true", group.Property("properties.enabled").Text.ToLowerInvariant());
        var receiver = Assert.Single(group.Property("properties.emailReceivers").Node!.AsArray());
        Assert.Equal("parameters('operatorEmail')", group.Scope.Evaluate(receiver!["emailAddress"]).Text);
    }

    [Fact]
    public void TheOperatorEmailIsRequiredAndTakenFromTheAzdEnvironment()
    {
        var parameter = Templates.Main.Template["parameters"]!["operatorEmail"]!;
        var file = JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!;

        Assert.Null(parameter["defaultValue"]);
        Assert.Equal("${OPERATOR_EMAIL}", (string?)file["parameters"]!["operatorEmail"]!["value"]);
    }

    // Each log alert: the fragment its query searches for, and the log message in the app's source that writes it.
    [Theory]
    [InlineData("poison-messages", "\"Poison queue \"", "\"Poison queue {Queue} holds {Messages} messages")]
    [InlineData("poison-messages", "\"was given up on\"", "so it was given up on and goes to ")]
    [InlineData("ingests-failed-or-held", "\"The document could not be read: \"", "\"The document could not be read: {error}\"")]
    [InlineData("ingests-failed-or-held", "\"is held for review: \"", "is held for review: {report.Warnings[0]}\"")]
    [InlineData("digest-deliveries-failed", "\" failed, \"", "{Failed} failed, {Deferred} deferred")]
    [InlineData("digest-deliveries-failed", "\" deferred\"", "{Failed} failed, {Deferred} deferred")]
    [InlineData("sendgrid-authentication", "\"SendGrid refused the API key\"", "\"SendGrid refused the API key ({Status})")]
    public void ALogAlertSearchesForAMessageTheAppWrites(string alert, string fragment, string written)
    {
        var query = Query(LogAlert(alert));

        Assert.Contains(fragment, query, StringComparison.Ordinal);
        Assert.Contains(fragment.Trim('"'), written, StringComparison.Ordinal);
        Assert.Contains(written, AppSource.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDigestAlertFiresOnlyOnACountOfFailedOrDeferredAboveZero()
    {
        var query = Query(LogAlert("digest-deliveries-failed"));

        Assert.Contains("where failed > 0 or deferred > 0", query, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServerErrorAlertWatchesTheShareOfRequestsAnswered5xx()
    {
        var query = Query(LogAlert("server-errors"));

        Assert.StartsWith("requests", query.Trim(), StringComparison.Ordinal);
        Assert.Contains("countif(toint(resultCode) >= 500)", query, StringComparison.Ordinal);
        Assert.Contains("errors * 20 > total", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poison-messages")]
    [InlineData("ingests-failed-or-held")]
    [InlineData("digest-deliveries-failed")]
    [InlineData("sendgrid-authentication")]
    [InlineData("server-errors")]
    public void ALogAlertIsOnOverTheAppsApplicationInsightsAndFiresOnAnyRow(string alert)
    {
        var rule = LogAlert(alert);
        var condition = rule.Property("properties.criteria.allOf").Node!.AsArray().Single()!;

        Assert.Equal("LogAlert", rule.Property("kind").Text);
        Assert.Equal("true", rule.Property("properties.enabled").Text.ToLowerInvariant());
        Assert.Equal([ComponentId()], rule.Property("properties.scopes").Node!.AsArray().Select(n => (string)n!));
        Assert.Equal([ActionGroupId()], rule.Property("properties.actions.actionGroups").Node!.AsArray().Select(n => (string)n!));
        Assert.Equal(("Count", "GreaterThan", "0"), ((string)condition["timeAggregation"]!, (string)condition["operator"]!, condition["threshold"]!.ToJsonString()));
    }

    [Fact]
    public void DeadLetteredBlobEventsAlertOnTheSystemTopicsMetric()
    {
        var alert = MetricAlert("pcc-events-dead-lettered");
        var topic = Templates.Main.Single("Microsoft.EventGrid/systemTopics");
        var criterion = alert.Property("properties.criteria.allOf").Node!.AsArray().Single()!;

        Assert.Equal("true", alert.Property("properties.enabled").Text.ToLowerInvariant());
        Assert.Equal([$"resourceId('Microsoft.EventGrid/systemTopics', {topic.Name.Render()})"], alert.Property("properties.scopes").Node!.AsArray().Select(n => (string)n!));
        Assert.Equal("DeadLetteredCount", (string?)criterion["metricName"]);
        Assert.Equal(("Total", "GreaterThan", "0"), ((string)criterion["timeAggregation"]!, (string)criterion["operator"]!, criterion["threshold"]!.ToJsonString()));
        Assert.Equal([ActionGroupId()], MetricActionGroups(alert));
    }

    [Fact]
    public void TheStandardAvailabilityTestAsksTheAppsHealthEndpoint()
    {
        var test = Templates.Main.Single("Microsoft.Insights/webtests");

        Assert.Equal("standard", test.Property("kind").Text);
        Assert.Equal("true", test.Property("properties.Enabled").Text.ToLowerInvariant());
        Assert.Equal(test.Name.Text, test.Property("properties.SyntheticMonitorId").Text);
        Assert.Equal("https://reference('app').outputs.defaultHostName.value/api/health", test.Property("properties.Request.RequestUrl").Text);
        Assert.Equal("GET", test.Property("properties.Request.HttpVerb").Text);
        Assert.Equal("200", test.Property("properties.ValidationRules.ExpectedHttpStatusCode").Text);
        // The tags are union(tags, {hidden-link:…}), which stays symbolic: its text is JSON within JSON, so both sides
        // are compared with their quotes unescaped.
        Assert.Contains(Unescaped($"hidden-link:{ComponentId()}"), Unescaped(test.Property("tags").Text), StringComparison.Ordinal);
        Assert.True(test.Property("properties.Locations").Node!.AsArray().Count >= 3);
    }

    [Fact]
    public void AFailingHealthTestAlertsTheOperator()
    {
        var alert = MetricAlert("pcc-health-failing");
        var test = Templates.Main.Single("Microsoft.Insights/webtests");
        var testId = $"resourceId('Microsoft.Insights/webtests', {test.Name.Render()})";

        Assert.Equal("true", alert.Property("properties.enabled").Text.ToLowerInvariant());
        Assert.Equal("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", (string?)alert.Property("properties.criteria").Node!["odata.type"]);
        Assert.Equal(testId, alert.Property("properties.criteria.webTestId").Text);
        Assert.Equal(ComponentId(), alert.Property("properties.criteria.componentId").Text);
        Assert.Equal([ActionGroupId()], MetricActionGroups(alert));
    }

    [Fact]
    public void EveryAlertRoutesToTheOperatorsActionGroup()
    {
        var logRules = Templates.Main.Resources("Microsoft.Insights/scheduledQueryRules").SelectMany(r => r.Instances()).ToList();
        var metricRules = Templates.Main.Resources("Microsoft.Insights/metricAlerts").ToList();

        Assert.Equal(5, logRules.Count);
        Assert.Equal(2, metricRules.Count);
        Assert.All(logRules, r => Assert.Contains(ActionGroupId(), r.Property("properties.actions.actionGroups").Node!.AsArray().Select(n => (string)n!)));
        Assert.All(metricRules, r => Assert.Contains(ActionGroupId(), MetricActionGroups(r)));
    }

    private static string Unescaped(string text) => text
        .Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\u0027", "'", StringComparison.Ordinal)
        .Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);

    private static ArmResource ActionGroup() => Templates.Main.Single("Microsoft.Insights/actionGroups");

    private static string ActionGroupId() => $"resourceId('Microsoft.Insights/actionGroups', {ActionGroup().Name.Render()})";

    private static string ComponentId() =>
        $"resourceId('Microsoft.Insights/components', {Templates.Main.Single("Microsoft.Insights/components").Name.Render()})";

    private static ArmResource LogAlert(string name) =>
        Templates.Main.Resources("Microsoft.Insights/scheduledQueryRules").SelectMany(r => r.Instances()).Single(r => r.Name.Text == $"pcc-{name}");

    private static ArmResource MetricAlert(string name) =>
        Templates.Main.Resources("Microsoft.Insights/metricAlerts").Single(r => r.Name.Text == name);

    private static string Query(ArmResource rule) =>
        (string)rule.Property("properties.criteria.allOf").Node!.AsArray().Single()!["query"]!;

    private static IEnumerable<string> MetricActionGroups(ArmResource alert) =>
        alert.Property("properties.actions").Node!.AsArray().Select(a => (string)a!["actionGroupId"]!);
}
