using System.Text.Json.Nodes;
using Pcc.LocalHost.Triggers;
using Pcc.LocalHost.Worker.Rpc;

namespace Pcc.LocalHost.Payloads;

/// <summary>
/// A timer trigger's input: the host's <c>TimerInfo</c> as JSON,
/// <c>{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last","Next","LastUpdated"},"IsPastDue":bool}</c>.
/// </summary>
public static class TimerTriggerInput
{
    /// <summary>Adds the input to <paramref name="request"/>; <paramref name="status"/> is null when the function does not use the schedule monitor.</summary>
    public static void Fill(InvocationRequest request, string bindingName, ScheduleStatus? status, bool isPastDue)
    {
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status?.ToJson(),
            ["IsPastDue"] = isPastDue,
        };
        request.InputData.Add(new ParameterBinding { Name = bindingName, Data = new TypedData { Json = timer.ToJsonString() } });
    }
}
