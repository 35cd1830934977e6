namespace BrandHub.Modules.Platform.Jobs;

/// <summary>Background worker settings, section <c>BrandHub:Jobs</c>. Turn <see cref="Enabled"/> off on API-only nodes.</summary>
public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Jobs this node runs at once.</summary>
    public int Concurrency { get; set; } = 2;
    public double PollSeconds { get; set; } = 1;
    /// <summary>How long a claim lasts without a heartbeat; a crashed worker's job is picked up again after this.</summary>
    public double LeaseSeconds { get; set; } = 60;
    public double RetryBaseSeconds { get; set; } = 10;
    public double RetryMaxSeconds { get; set; } = 3600;
}
