using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Pcc.Benchmarks;

/// <summary>
/// One machine-readable line for <see cref="PdfLayoutBenchmarks"/>: per rendering, the mean times, allocations and the
/// ratios of reading and parsing to PdfPig's open-and-decode (mean over mean), and the largest ratios over all renderings.
/// </summary>
internal static class PdfRatioLine
{
    public static string? For(IEnumerable<Summary> summaries)
    {
        var reports = summaries.SelectMany(s => s.Reports.Select(r => (Summary: s, Report: r)))
            .Where(x => x.Report.BenchmarkCase.Descriptor.Type == typeof(PdfLayoutBenchmarks) && x.Report.ResultStatistics is not null)
            .ToList();
        if (reports.Count == 0)
            return null;

        var fields = new List<string>();
        double readMax = 0, parseMax = 0;
        foreach (var rendering in reports.GroupBy(x => (string)x.Report.BenchmarkCase.Parameters["Rendering"]))
        {
            var key = Key(rendering.Key);
            var byMethod = rendering.ToDictionary(x => x.Report.BenchmarkCase.Descriptor.WorkloadMethod.Name);
            if (!byMethod.TryGetValue(nameof(PdfLayoutBenchmarks.DecodeGlyphs), out var decode))
                continue;
            var decodeMs = Milliseconds(decode.Report);
            foreach (var (method, name) in new[] { (nameof(PdfLayoutBenchmarks.DecodeGlyphs), "decode"), (nameof(PdfLayoutBenchmarks.ReadPdf), "read"), (nameof(PdfLayoutBenchmarks.ParsePdf), "parse") })
            {
                if (!byMethod.TryGetValue(method, out var x))
                    continue;
                var ms = Milliseconds(x.Report);
                fields.Add(Field($"{key}_{name}_ms", ms, "0.00"));
                fields.Add(Field($"{key}_{name}_alloc_kb", x.Report.GcStats.GetBytesAllocatedPerOperation(x.Report.BenchmarkCase) / 1024.0 ?? 0, "0"));
                if (name == "decode")
                    continue;
                fields.Add(Field($"{key}_{name}_ratio", ms / decodeMs, "0.00"));
                if (name == "read")
                    readMax = Math.Max(readMax, ms / decodeMs);
                else
                    parseMax = Math.Max(parseMax, ms / decodeMs);
            }
        }

        return $"pdf renderings against PdfPig's open-and-decode (target parse <= 2x): {Field("parse_ratio_max", parseMax, "0.00")} {Field("read_ratio_max", readMax, "0.00")} {string.Join(' ', fields)}";
    }

    private static double Milliseconds(BenchmarkReport report) => report.ResultStatistics!.Mean / 1_000_000;

    /// <summary>"seed-columns2-serif.pdf" → "columns2_serif".</summary>
    private static string Key(string rendering) =>
        Path.GetFileNameWithoutExtension(rendering).Replace("seed-", "", StringComparison.Ordinal).Replace('-', '_');

    private static string Field(string key, double value, string format) => $"{key}={value.ToString(format, CultureInfo.InvariantCulture)}";
}
