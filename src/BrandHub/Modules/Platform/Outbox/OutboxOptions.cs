namespace BrandHub.Modules.Platform.Outbox;

/// <summary>Outbox relay settings, section <c>BrandHub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Run the relay on this node (several nodes may: PostgreSQL claims with SKIP LOCKED).</summary>
    public bool Enabled { get; set; } = true;
    public double PollSeconds { get; set; } = 1;
    public int BatchSize { get; set; } = 200;
    /// <summary>Attempts before a message is left unpublished for an operator to look at (last_error says why).</summary>
    public int MaxAttempts { get; set; } = 10;
}
