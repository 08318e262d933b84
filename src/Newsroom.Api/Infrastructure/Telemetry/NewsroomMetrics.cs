using System.Diagnostics.Metrics;

namespace Newsroom.Infrastructure.Telemetry;

/// <summary>
/// Newsroom's own instruments, on one meter: what the framework meters cannot know. Commands by name and outcome
/// (<c>accepted</c> or the refusal's code); projection lag and durable message depth are observed by
/// <see cref="StorageGauges"/>.
/// </summary>
public sealed class NewsroomMetrics
{
    public const string MeterName = "Newsroom";

    private readonly Counter<long> _commands;

    public NewsroomMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _commands = Meter.CreateCounter<long>("newsroom.commands", unit: "{command}",
            description: "Commands handled, by command and outcome (accepted, or the refusal's code).");
    }

    public Meter Meter { get; }

    public void CommandHandled(string command, string outcome) =>
        _commands.Add(1, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));
}
