namespace BrandHub.Core.Audience;

/// <summary>
/// The Romanian company registration code (CUI, also called CIF): 2 to 10 digits, the last being a
/// check digit over the others with the official test key 753217532.
/// </summary>
internal static class RomanianCompanyCode
{
    private const string TestKey = "753217532";

    /// <summary>
    /// Computes the check digit for the digits before it: the body is right-aligned under the key,
    /// the weighted sum is multiplied by 10 and taken modulo 11, and a result of 10 becomes 0.
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var offset = TestKey.Length - body.Length;
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            sum += (body[i] - '0') * (TestKey[offset + i] - '0');
        }

        var digit = sum * 10 % 11;
        return digit == 10 ? 0 : digit;
    }

    /// <summary>Validates a digits-only CUI; returns an error message or null.</summary>
    public static string? Check(string digits)
    {
        if (digits.Length is < 2 or > 10)
        {
            return $"Romanian CUI must have 2 to 10 digits, got {digits.Length}.";
        }

        if (digits[0] == '0')
        {
            return "Romanian CUI must not start with 0.";
        }

        var expected = CheckDigit(digits.AsSpan(0, digits.Length - 1));
        return digits[^1] - '0' == expected
            ? null
            : $"Romanian CUI {digits} fails its check digit (expected {expected} as the last digit).";
    }
}
