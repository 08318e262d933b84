using System.Globalization;

namespace Newsroom.Bench;

/// <summary>
/// CPU seconds used by the service, by PostgreSQL (all its processes) and by this driver, read from /proc:
/// where a phase's time went, measured rather than guessed.
/// </summary>
public readonly record struct CpuSnapshot(double Service, double Postgres, double Driver)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>
    /// The bench cluster's postmaster: only it and its children count as PostgreSQL, not the clusters other people
    /// run on the same machine (whose processes come and go, and once made a phase's PostgreSQL figure negative).
    /// </summary>
    public static int Postmaster { get; set; }

    public static CpuSnapshot Take(int servicePid) => new(
        ProcessSeconds(servicePid),
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsDigit))
            .Select(int.Parse).Where(IsOurPostgres).Sum(ProcessSeconds) + ReapedChildrenSeconds(Postmaster),
        ProcessSeconds(Environment.ProcessId));

    /// <summary>
    /// CPU of the postmaster's children that have exited (cutime and cstime, fields 16 and 17 of /proc/pid/stat):
    /// a backend that ends during a phase takes its CPU out of the living processes' sum and into this one.
    /// </summary>
    private static double ReapedChildrenSeconds(int pid)
    {
        if (pid == 0) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch { return 0; }
    }

    /// <summary>The parent of a process (field 4 of /proc/pid/stat), 0 if it is gone.</summary>
    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch { return 0; }
    }

    private static bool IsOurPostgres(int pid) =>
        IsPostgres(pid) && (Postmaster == 0 || pid == Postmaster || ParentOf(pid) == Postmaster);

    public CpuSnapshot Since(CpuSnapshot before) => new(Service - before.Service, Postgres - before.Postgres, Driver - before.Driver);

    public string Describe(double seconds) =>
        $"CPU cores busy: service {Service / seconds:F2}, PostgreSQL {Postgres / seconds:F2}, load driver {Driver / seconds:F2}";

    private static bool IsPostgres(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").StartsWith("postgres", StringComparison.Ordinal); }
        catch { return false; }
    }

    private static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of /proc/pid/stat (11 and 12 after the command name).
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch { return 0; }
    }
}
