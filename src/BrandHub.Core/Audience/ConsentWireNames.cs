namespace BrandHub.Core.Audience;

/// <summary>
/// Maps consent enums to and from the snake_case names used in the API, CSV imports and the database,
/// so that renaming a C# member can never silently change stored data.
/// </summary>
public static class ConsentWireNames
{
    private static readonly (ConsentChannel Value, string Name)[] Channels =
    [
        (ConsentChannel.Email, "email"),
        (ConsentChannel.Sms, "sms"),
        (ConsentChannel.WhatsApp, "whatsapp"),
        (ConsentChannel.Push, "push"),
        (ConsentChannel.Profiling, "profiling"),
    ];

    private static readonly (ConsentStatus Value, string Name)[] Statuses =
    [
        (ConsentStatus.Unknown, "unknown"),
        (ConsentStatus.OptedIn, "opted_in"),
        (ConsentStatus.OptedOut, "opted_out"),
    ];

    private static readonly (LegalBasis Value, string Name)[] Bases =
    [
        (LegalBasis.Consent, "consent"),
        (LegalBasis.Contract, "contract"),
        (LegalBasis.LegitimateInterest, "legitimate_interest"),
        (LegalBasis.LegalObligation, "legal_obligation"),
    ];

    /// <summary>All channel wire names, in declaration order (for error messages and UI pickers).</summary>
    public static IReadOnlyList<string> ChannelNames { get; } = Channels.Select(c => c.Name).ToArray();

    /// <summary>All status wire names, in declaration order.</summary>
    public static IReadOnlyList<string> StatusNames { get; } = Statuses.Select(s => s.Name).ToArray();

    /// <summary>All legal basis wire names, in declaration order.</summary>
    public static IReadOnlyList<string> LegalBasisNames { get; } = Bases.Select(b => b.Name).ToArray();

    /// <summary>Parses a channel wire name, ignoring case and surrounding whitespace.</summary>
    public static bool TryParseChannel(string? s, out ConsentChannel c) => TryParse(Channels, s, out c);

    /// <summary>Formats a channel as its wire name.</summary>
    public static string Format(ConsentChannel c) => Format(Channels, c);

    /// <summary>Parses a status wire name, ignoring case and surrounding whitespace.</summary>
    public static bool TryParseStatus(string? s, out ConsentStatus st) => TryParse(Statuses, s, out st);

    /// <summary>Formats a status as its wire name.</summary>
    public static string Format(ConsentStatus s) => Format(Statuses, s);

    /// <summary>Parses a legal basis wire name, ignoring case and surrounding whitespace.</summary>
    public static bool TryParseLegalBasis(string? s, out LegalBasis b) => TryParse(Bases, s, out b);

    /// <summary>Formats a legal basis as its wire name.</summary>
    public static string Format(LegalBasis b) => Format(Bases, b);

    private static bool TryParse<T>((T Value, string Name)[] table, string? s, out T value)
        where T : struct, Enum
    {
        var wanted = s?.Trim();
        foreach (var (candidate, name) in table)
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Format<T>((T Value, string Name)[] table, T value)
        where T : struct, Enum
    {
        foreach (var (candidate, name) in table)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        // An undefined enum value is a programming error; writing it would corrupt stored data.
        throw new ArgumentOutOfRangeException(nameof(value), value, $"No wire name for {typeof(T).Name} value {value}.");
    }
}
