using System.Text;

namespace BrandHub.Core.Audience;

/// <summary>
/// Normalises contact phone numbers to E.164 ("+40721234567"), the form SMS and WhatsApp providers
/// expect and the deterministic key used to de-duplicate contacts.
/// </summary>
public static class PhoneNumber
{
    /// <summary>ISO-3166 alpha-2 codes of every country whose numbering plan is known.</summary>
    public static IReadOnlyCollection<string> SupportedCountries { get; } =
        NumberingPlans.ByCountry.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether national numbers of this country (ISO-3166 alpha-2, any case) can be read.</summary>
    public static bool IsSupportedCountry(string iso2) =>
        !string.IsNullOrWhiteSpace(iso2) && NumberingPlans.ByCountry.ContainsKey(iso2.Trim());

    /// <summary>
    /// Reads a phone number written the way people write them — "+40 721 234 567", "0040721234567",
    /// "0721 234 567", "(0721) 234-567", "+44 (0) 20 7946 0958", "tel:+40721234567" — and returns it in E.164.
    /// </summary>
    /// <param name="input">The raw number.</param>
    /// <param name="defaultCountry">
    /// ISO-3166 alpha-2 country used for numbers written in national form (no + or 00). It is not needed,
    /// and therefore not checked, when the number already carries a country calling code.
    /// </param>
    /// <param name="e164">The normalised number, or an empty string when invalid.</param>
    /// <param name="error">Why the number was rejected, or an empty string when valid.</param>
    /// <returns><c>true</c> when the number is plausible for its country.</returns>
    public static bool TryNormalize(string? input, string defaultCountry, out string e164, out string error)
    {
        e164 = string.Empty;
        error = Read(input, defaultCountry, out var normalized) ?? string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        e164 = normalized;
        return true;
    }

    private static string? Read(string? input, string? defaultCountry, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return "Phone number is required.";
        }

        var text = input.Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].Trim();
        }

        var characterError = CheckCharacters(text);
        if (characterError is not null)
        {
            return characterError;
        }

        NumberingPlans.ByCountry.TryGetValue(defaultCountry?.Trim() ?? string.Empty, out var home);
        var idd = InternationalPrefixDigits(text, home);
        var international = idd is not null;

        // "+44 (0) 20 ..." is a British habit of showing the trunk 0 that must not be dialled from abroad.
        var hadOptionalZero = international && text.Contains("(0)", StringComparison.Ordinal);
        if (hadOptionalZero)
        {
            var at = text.IndexOf("(0)", StringComparison.Ordinal);
            text = text.Remove(at, 3);
        }

        var digits = DigitsOf(text);
        if (digits.Length == 0)
        {
            return "Phone number has no digits.";
        }

        return international
            ? ReadInternational(digits[idd!.Value..], hadOptionalZero, out e164)
            : ReadNational(digits, home, defaultCountry, out e164);
    }

    private static string? CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                return "Phone number must not contain letters.";
            }

            if (c == '+' && i != 0)
            {
                return "A '+' is only allowed at the start of a phone number.";
            }

            var separator = c is ' ' or '.' or '-' or '(' or ')' or '/' or '+' || char.IsWhiteSpace(c);
            if (!char.IsAsciiDigit(c) && !separator)
            {
                return $"Phone number contains an invalid character '{c}'.";
            }
        }

        return null;
    }

    // How many leading digits form an international dialling prefix ("+" has none), or null when the
    // number is written in national form.
    private static int? InternationalPrefixDigits(string text, NumberingPlan? home)
    {
        if (text.StartsWith('+'))
        {
            return 0;
        }

        var digits = DigitsOf(text);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return 2; // no supported country has a national number starting with 00
        }

        // North America dials out with 011; elsewhere 011 is a national number (e.g. Serbia's Belgrade area).
        return home is { IsNanp: true } && digits.StartsWith("011", StringComparison.Ordinal) ? 3 : null;
    }

    private static string? ReadInternational(string digitsAfterIdd, bool hadOptionalZero, out string e164)
    {
        e164 = string.Empty;
        var plan = NumberingPlans.MatchCallingCode(digitsAfterIdd);
        if (plan is null)
        {
            var shown = digitsAfterIdd.Length > 3 ? digitsAfterIdd[..3] : digitsAfterIdd;
            return $"Unknown or unsupported country calling code +{shown}.";
        }

        var national = digitsAfterIdd[plan.CallingCode.Length..];
        if (hadOptionalZero && plan.KeepsLeadingZero)
        {
            national = "0" + national; // in Italy the "(0)" is part of the number
        }

        foreach (var trunk in plan.TrunkPrefixes)
        {
            if (!national.StartsWith(trunk, StringComparison.Ordinal))
            {
                continue;
            }

            // A trunk 0 after the calling code ("+40 0721 ...") is a common mistake and never part of a
            // valid number here; other trunk digits (Lithuania's 8) are only dropped when that fixes the length.
            var stripped = national[trunk.Length..];
            if (trunk[0] == '0' || (!plan.HasValidLength(national) && plan.HasValidLength(stripped)))
            {
                national = stripped;
            }

            break;
        }

        return Finish(plan, national, out e164);
    }

    private static string? ReadNational(string digits, NumberingPlan? plan, string? defaultCountry, out string e164)
    {
        e164 = string.Empty;
        if (plan is null)
        {
            return string.IsNullOrWhiteSpace(defaultCountry)
                ? "Phone number has no country calling code and no default country was given."
                : $"Unknown default country '{defaultCountry.Trim()}'; use an ISO-3166 alpha-2 code such as RO.";
        }

        var national = digits;
        foreach (var trunk in plan.TrunkPrefixes)
        {
            if (!digits.StartsWith(trunk, StringComparison.Ordinal))
            {
                continue;
            }

            // Keep the digits when only the unstripped form has a valid length (Lithuania's 800 numbers
            // start with the same 8 as the old trunk prefix).
            var stripped = digits[trunk.Length..];
            var keep = plan.HasValidLength(digits) && !plan.HasValidLength(stripped) && digits[0] != '0';
            national = keep ? digits : stripped;
            break;
        }

        return Finish(plan, national, out e164);
    }

    private static string? Finish(NumberingPlan plan, string national, out string e164)
    {
        e164 = string.Empty;
        var where = $"{plan.Country} (+{plan.CallingCode})";
        if (national.Length < plan.MinLength)
        {
            return $"Phone number is too short for {where}: expected {plan.LengthRange} digits after the country code, got {national.Length}.";
        }

        if (national.Length > plan.MaxLength)
        {
            return $"Phone number is too long for {where}: expected {plan.LengthRange} digits after the country code, got {national.Length}.";
        }

        if (plan.IsNanp && (national[0] < '2' || national[3] < '2'))
        {
            return $"Phone number for {where} is not a valid North American number: area code and exchange must start with 2-9.";
        }

        if (national[0] == '0' && !plan.KeepsLeadingZero)
        {
            return $"Phone number for {where} must not start with 0 after the country code.";
        }

        e164 = "+" + plan.CallingCode + national;
        return null;
    }

    private static string DigitsOf(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
