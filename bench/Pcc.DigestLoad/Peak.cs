using System.Globalization;

namespace Pcc.DigestLoad;

/// <summary>What a process reports about itself at its end.</summary>
internal static class Peak
{
    /// <summary>The peak resident set: the kernel's high-water mark (VmHWM in /proc/self/status).</summary>
    public static double MiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>The processor time the process has used, user and system: steadier than its wall clock on a busy machine.</summary>
    public static double CpuSeconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
