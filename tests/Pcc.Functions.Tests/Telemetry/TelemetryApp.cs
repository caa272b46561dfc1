using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Telemetry;

/// <summary>The app with its OpenTelemetry exporter pointed at an in-test <see cref="OtlpCollector"/>, exporting every half second.</summary>
public sealed class TelemetryApp : AppFixture
{
    /// <summary>What the app exported.</summary>
    public OtlpCollector Collector { get; } = OtlpCollector.StartAsync().GetAwaiter().GetResult();

    protected override void Configure(LocalHostOptions options)
    {
        options.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.AbsoluteUri.TrimEnd('/');
        options.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        options.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        options.Settings["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
        options.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        // Every log line the app writes, so that the check for addresses and tokens covers them all.
        options.Settings["Logging:LogLevel:Default"] = "Information";
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
