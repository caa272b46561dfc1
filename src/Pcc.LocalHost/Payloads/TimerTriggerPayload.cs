using System.Text.Json.Nodes;
using Pcc.LocalHost.Triggers;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// The custom-handler request for a timer trigger: <c>Data.{binding}</c> is the host's <c>TimerInfo</c>,
/// <c>{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last","Next","LastUpdated"},"IsPastDue":bool}</c>
/// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#usage).
/// </summary>
public static class TimerTriggerPayload
{
    /// <summary>Builds the payload; <paramref name="status"/> is null when the function does not use the schedule monitor.</summary>
    public static JsonObject Create(string functionName, string bindingName, ScheduleStatus? status, bool isPastDue, DateTimeOffset now) => new()
    {
        ["Data"] = new JsonObject
        {
            [bindingName] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = status?.ToJson(),
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = SysMetadata.Create(functionName, now) },
    };
}
