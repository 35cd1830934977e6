namespace BrandHub.Core.Audience;

/// <summary>
/// The consent rules: what a consent change must contain to be recorded, and whether a message may be sent.
/// </summary>
public static class ConsentPolicy
{
    /// <summary>Maximum length of <see cref="ConsentChange.Source"/>.</summary>
    public const int MaxSourceLength = 100;

    /// <summary>Maximum length of <see cref="ConsentProof.UserAgent"/>.</summary>
    public const int MaxUserAgentLength = 512;

    /// <summary>Maximum length of <see cref="ConsentProof.Reference"/>.</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>
    /// Checks a consent change field by field and returns every problem (empty when valid).
    /// Field names: <c>channel</c>, <c>status</c>, <c>source</c>, <c>legalBasis</c>, <c>proof</c>,
    /// <c>proof.ip</c>, <c>proof.userAgent</c>, <c>proof.reference</c>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>channel and status are required and must be known wire names.</item>
    /// <item>source is required when the status is opted_in or opted_out, so every recorded decision says
    /// where it came from; max 100 characters.</item>
    /// <item>opted_in requires a legal basis; opted_in on basis <c>consent</c> requires proof with at least one
    /// of ip, userAgent, reference (GDPR art. 7(1): consent must be demonstrable).</item>
    /// <item>The <c>profiling</c> channel may only be opted in on basis <c>consent</c>. GDPR art. 22 lets
    /// profiling with significant effects rest on explicit consent, contract necessity or law; marketing
    /// profiling is never necessary for a contract or required by law, and a legitimate-interest claim is
    /// defeated by any objection (art. 21(2)), so BrandHub accepts only explicit consent.</item>
    /// <item>proof.ip must be a valid IPv4/IPv6 address; proof.userAgent max 512, proof.reference max 200.</item>
    /// </list>
    /// </remarks>
    public static IReadOnlyList<FieldError> Validate(ConsentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new List<FieldError>();

        var channel = ReadChannel(change.Channel, errors);
        var status = ReadStatus(change.Status, errors);
        var basis = ReadLegalBasis(change.LegalBasis, errors);
        var decided = status is ConsentStatus.OptedIn or ConsentStatus.OptedOut;

        if (string.IsNullOrWhiteSpace(change.Source))
        {
            if (decided)
            {
                errors.Add(new("source", "Source is required when opting in or out (e.g. signup_form, import, call_centre)."));
            }
        }
        else if (change.Source.Length > MaxSourceLength)
        {
            errors.Add(new("source", $"Source must be at most {MaxSourceLength} characters."));
        }

        if (status == ConsentStatus.OptedIn)
        {
            CheckOptIn(channel, basis, change, errors);
        }

        if (change.Proof is not null)
        {
            CheckProofFields(change.Proof, errors);
        }

        return errors;
    }

    /// <summary>
    /// Decides whether a message may go to a contact on a channel.
    /// </summary>
    /// <remarks>
    /// A marketing message needs an opt-in, no global unsubscribe and no suppression. A transactional
    /// message (order confirmation, password reset) does not need consent and ignores the global
    /// unsubscribe, but a suppression still blocks it: suppressed addresses bounce or complain, and
    /// sending to them damages deliverability for every tenant. Suppression is checked first, then the
    /// global unsubscribe, then the channel status, so the reason names the strongest block.
    /// <see cref="ConsentChannel.Profiling"/> is not a message, so "transactional" never bypasses it.
    /// </remarks>
    public static ConsentDecision Decide(
        ConsentChannel channel,
        ConsentStatus status,
        bool globallyUnsubscribed,
        bool suppressed,
        bool isTransactional)
    {
        if (suppressed)
        {
            return ConsentDecision.Deny(ConsentDecisionReasons.Suppressed);
        }

        if (isTransactional && channel != ConsentChannel.Profiling)
        {
            return ConsentDecision.Allow;
        }

        if (globallyUnsubscribed)
        {
            return ConsentDecision.Deny(ConsentDecisionReasons.GlobalUnsubscribe);
        }

        return status switch
        {
            ConsentStatus.OptedIn => ConsentDecision.Allow,
            ConsentStatus.OptedOut => ConsentDecision.Deny(ConsentDecisionReasons.OptedOut),
            _ => ConsentDecision.Deny(ConsentDecisionReasons.NoConsent),
        };
    }

    private static void CheckOptIn(ConsentChannel? channel, LegalBasis? basis, ConsentChange change, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(change.LegalBasis))
        {
            errors.Add(new("legalBasis", "A legal basis is required when opting in."));
            return;
        }

        if (basis is null)
        {
            return; // unknown value already reported
        }

        if (channel == ConsentChannel.Profiling && basis != LegalBasis.Consent)
        {
            errors.Add(new("legalBasis", "Profiling may only be opted in on legal basis 'consent' (GDPR art. 22)."));
        }

        if (basis == LegalBasis.Consent && !HasEvidence(change.Proof))
        {
            errors.Add(new("proof", "Opting in on legal basis 'consent' requires proof with at least one of ip, userAgent or reference."));
        }
    }

    private static bool HasEvidence(ConsentProof? proof) =>
        proof is not null
        && (!string.IsNullOrWhiteSpace(proof.Ip)
            || !string.IsNullOrWhiteSpace(proof.UserAgent)
            || !string.IsNullOrWhiteSpace(proof.Reference));

    private static void CheckProofFields(ConsentProof proof, List<FieldError> errors)
    {
        if (!string.IsNullOrWhiteSpace(proof.Ip) && !IpAddressFormat.IsValid(proof.Ip.Trim()))
        {
            errors.Add(new("proof.ip", $"'{Shorten(proof.Ip)}' is not a valid IPv4 or IPv6 address."));
        }

        if (proof.UserAgent is { Length: > MaxUserAgentLength })
        {
            errors.Add(new("proof.userAgent", $"User agent must be at most {MaxUserAgentLength} characters."));
        }

        if (proof.Reference is { Length: > MaxReferenceLength })
        {
            errors.Add(new("proof.reference", $"Reference must be at most {MaxReferenceLength} characters."));
        }
    }

    private static ConsentChannel? ReadChannel(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new("channel", "Channel is required."));
            return null;
        }

        if (ConsentWireNames.TryParseChannel(value, out var channel))
        {
            return channel;
        }

        errors.Add(new("channel", $"Unknown channel '{Shorten(value)}'; expected one of {string.Join(", ", ConsentWireNames.ChannelNames)}."));
        return null;
    }

    private static ConsentStatus? ReadStatus(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new("status", "Status is required."));
            return null;
        }

        if (ConsentWireNames.TryParseStatus(value, out var status))
        {
            return status;
        }

        errors.Add(new("status", $"Unknown status '{Shorten(value)}'; expected one of {string.Join(", ", ConsentWireNames.StatusNames)}."));
        return null;
    }

    private static LegalBasis? ReadLegalBasis(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (ConsentWireNames.TryParseLegalBasis(value, out var basis))
        {
            return basis;
        }

        errors.Add(new("legalBasis", $"Unknown legal basis '{Shorten(value)}'; expected one of {string.Join(", ", ConsentWireNames.LegalBasisNames)}."));
        return null;
    }

    // Echoing a huge or hostile value back in an error message helps nobody.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
