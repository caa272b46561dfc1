using Microsoft.Azure.Functions.Worker.Builder;
using Pcc.Functions;
using Pcc.Functions.Digests;
using Pcc.Functions.Policies;
using Pcc.Functions.Telemetry;

// The Function App on the .NET isolated worker. A Functions host (Azure, `func start`, or src/Pcc.LocalHost) starts
// this process, reads the functions from functions.metadata or asks the worker for them, and invokes the
// [Function] methods in the feature folders:
//   Ingestion/      IngestBriefing        blob trigger on %Storage:BriefingsContainer%/{name} (Event Grid source, as Flex Consumption requires)
//   Digests/        SendImmediateAlerts, SendDailyDigests, SendWeeklyDigests   timers on %Setting% schedules, which
//                   plan a window and queue its batches; SendDigestBatch  queue trigger on %DigestBatchQueue%, one batch each
//   Summaries/      SendWeeklySummary (timer), WeeklySummary (HTTP)
//   Catalogue/      the read-only JSON API
//   Subscriptions/  double opt-in, manage and unsubscribe links, their pages
//   EmailEvents/    SendGrid's signed Event Webhook
//   Health/         GET /api/health, for the availability test and operators
var builder = FunctionsApplication.CreateBuilder(args);

// HTTP functions take ASP.NET Core's HttpRequest and return its results: the host forwards each request to the
// worker's own Kestrel (Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore; as in Azure/azure-functions-dotnet-worker
// samples/AspNetIntegration).
builder.ConfigureFunctionsWebApplication();

// The schedules have values in code, under every app setting, so the app runs without them; the host in Azure
// still resolves %Setting% from the app settings alone (local.settings.sample.json lists them).
builder.Configuration.AddSettingDefaults(DigestTimers.DefaultSchedules);
builder.Configuration.AddSettingDefaults(DigestQueue.Defaults);
builder.Configuration.AddSettingDefaults(Pcc.Functions.Subscriptions.PurgeExpiredRequestsFunction.Defaults);

// The Functions host logs every invocation; the worker's own Kestrel would log each forwarded request again, step by
// step, at Information. Its warnings and errors still show, and the setting can be lowered like any other.
builder.Configuration.AddSettingDefaults(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" });

// Editor access, same-origin form posts and subscribe limits, checked once, before the HTTP functions that declare
// them with [RequestPolicy] (Policies/).
builder.UseWhen<RequestPolicyMiddleware>(RequestPolicyMiddleware.Applies);

// The catalogue (Pcc.Catalogue's AddCatalogue), subscriptions, digests and the pages: ServiceCollectionExtensions.
builder.Services.AddPccFunctionApp(builder.Configuration);

// Traces, metrics and logs with OpenTelemetry: to Application Insights in Azure, over OTLP where an endpoint is set (Telemetry/).
builder.Services.AddPccTelemetry(builder.Configuration);

builder.Build().Run();
