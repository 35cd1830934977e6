namespace BrandHub.Modules.Delivery;

/// <summary>The delivery dispatcher's settings, section <c>BrandHub:Delivery</c>. Turn <see cref="Enabled"/> off on API-only nodes.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Run the dispatcher on this node.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Deliveries claimed per round. Bigger batches mean fewer database round trips; also the duplicate bound after a crash.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>Batches this node works on at once (each claims, sends and records on its own).</summary>
    public int Concurrency { get; set; } = 4;
    /// <summary>How long a claim lasts; a crashed node's deliveries are sent again after this. Must exceed the time a batch takes.</summary>
    public double LeaseSeconds { get; set; } = 120;
    /// <summary>Send attempts before a delivery is dead.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Scale of the first retry delay; doubles per attempt, with full jitter.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    /// <summary>Cap on the retry delay.</summary>
    public double RetryMaxSeconds { get; set; } = 3600;
    /// <summary>Idle wait between polls when nothing is due.</summary>
    public double PollSeconds { get; set; } = 0.5;
    /// <summary>Provider-wide failures in a row that open a provider's circuit.</summary>
    public int CircuitFailureThreshold { get; set; } = 5;
    /// <summary>How long an open circuit defers sends before one trial.</summary>
    public double CircuitOpenSeconds { get; set; } = 30;
    /// <summary>Messages handed to a transport in one call when the sender has a rate limit (the token bucket paces chunks);
    /// without one the whole batch goes in one call, spread over the sender's connections.</summary>
    public int SendChunkSize { get; set; } = 50;
    /// <summary><c>utm_source</c> on tracked links in marketing email (with <c>utm_medium=email</c> and the campaign); links that
    /// already carry UTM parameters keep their own.</summary>
    public string UtmSource { get; set; } = "brandhub";
    /// <summary>Mailbox for the <c>mailto:</c> List-Unsubscribe entry; the sender's reply-to or from address when empty.</summary>
    public string? UnsubscribeMailbox { get; set; }

    public IEnumerable<Core.FieldError> Validate()
    {
        if (BatchSize is < 1 or > 10_000) yield return new("BrandHub:Delivery:BatchSize", "1 to 10000.");
        if (Concurrency is < 1 or > 64) yield return new("BrandHub:Delivery:Concurrency", "1 to 64.");
        if (LeaseSeconds < 1) yield return new("BrandHub:Delivery:LeaseSeconds", "At least 1.");
        if (MaxAttempts < 1) yield return new("BrandHub:Delivery:MaxAttempts", "At least 1.");
        if (RetryBaseSeconds < 0 || RetryMaxSeconds < RetryBaseSeconds) yield return new("BrandHub:Delivery:RetryMaxSeconds", "RetryBaseSeconds ≥ 0 and RetryMaxSeconds ≥ RetryBaseSeconds.");
        if (string.IsNullOrWhiteSpace(UtmSource)) yield return new("BrandHub:Delivery:UtmSource", "Required (e.g. brandhub or newsletter).");
        if (SendChunkSize is < 1 or > 1000) yield return new("BrandHub:Delivery:SendChunkSize", "1 to 1000.");
        if (CircuitFailureThreshold < 1) yield return new("BrandHub:Delivery:CircuitFailureThreshold", "At least 1.");
    }
}
