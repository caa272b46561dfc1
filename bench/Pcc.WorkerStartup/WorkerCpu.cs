using System.Runtime.InteropServices;

namespace Pcc.WorkerStartup;

/// <summary>
/// The CPU time the worker process has used so far, from Linux's <c>/proc</c>. The local host starts the worker under a
/// Node.js watchdog, so the worker is the watchdog's child.
/// </summary>
internal static class WorkerCpu
{
    private const int ClockTicksPerSecond = 2; // sysconf's _SC_CLK_TCK

    /// <summary>User plus system time of <paramref name="watchdogId"/>'s child, in ms; null where /proc cannot tell.</summary>
    public static double? Milliseconds(int? watchdogId)
    {
        if (watchdogId is not { } parent || !Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _) || Stat(directory) is not { } fields || fields[1] != parent.ToString())
            {
                continue;
            }

            // After the command name: state, ppid, ... utime is field 14 and stime field 15 of the line (indexes 11 and 12 here).
            return (long.Parse(fields[11]) + long.Parse(fields[12])) * 1000.0 / sysconf(ClockTicksPerSecond);
        }

        return null;
    }

    // The fields after "pid (comm) ", which may itself hold spaces and parentheses.
    private static string[]? Stat(string directory)
    {
        try
        {
            var line = File.ReadAllText(Path.Combine(directory, "stat"));
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    [DllImport("libc")]
    private static extern long sysconf(int name);
}
