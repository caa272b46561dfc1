using System.Text.Json;

namespace Pcc.Functions.Tests.InProcess;

/// <summary>
/// A timer trigger with a six-field NCrontab schedule (seconds first) or a <c>%AppSetting%</c> naming one
/// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer).
/// </summary>
public sealed record TimerTriggerBinding(string Name, string Schedule, bool RunOnStartup = false, bool UseMonitor = true)
    : FunctionBinding("timerTrigger", "in", Name)
{
    /// <inheritdoc />
    protected override void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("schedule", Schedule);
        writer.WriteBoolean("runOnStartup", RunOnStartup);
        writer.WriteBoolean("useMonitor", UseMonitor);
    }
}
