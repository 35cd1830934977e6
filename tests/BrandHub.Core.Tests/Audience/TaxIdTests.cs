using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class TaxIdTests
{
    private const string TestKey = "753217532";

    [Theory]
    [InlineData("18547290", "18547290")]
    [InlineData("RO18547290", "18547290")]
    [InlineData("RO 18547290", "18547290")]
    [InlineData("ro18547290", "18547290")]
    [InlineData(" 18.547.290 ", "18547290")]
    [InlineData("RO-18547290", "18547290")]
    [InlineData("14399840", "14399840")]
    [InlineData("36157406", "36157406")]
    [InlineData("1234565", "1234565")]
    [InlineData("19", "19")]
    [InlineData("124", "124")]
    [InlineData("1600", "1600")]
    [InlineData("11111110", "11111110")]
    [InlineData("999999991", "999999991")]
    [InlineData("9876543216", "9876543216")]
    public void Valid_romanian_cui_is_normalised_to_digits_only(string input, string expected)
    {
        TaxId.TryNormalize(input, out var normalized, out var error).ShouldBeTrue(error);
        normalized.ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("18547291", "check digit")]
    [InlineData("RO18547299", "check digit")]
    [InlineData("18547209", "check digit")]
    [InlineData("14399841", "check digit")]
    [InlineData("1", "2 to 10 digits")]
    [InlineData("12345678901", "2 to 10 digits")]
    [InlineData("018547290", "must not start with 0")]
    [InlineData("RO", "2-letter country prefix")]
    [InlineData("RO18547A90", "only digits")]
    public void Invalid_romanian_cui_is_rejected(string input, string expectedMessagePart)
    {
        TaxId.TryNormalize(input, out var normalized, out var error).ShouldBeFalse();
        normalized.ShouldBeEmpty();
        error.ShouldContain(expectedMessagePart, Case.Insensitive);
    }

    [Theory]
    [InlineData("DE123456789", "DE123456789")]
    [InlineData("de 123.456.789", "DE123456789")]
    [InlineData("ATU12345678", "ATU12345678")]
    [InlineData("BE0123456789", "BE0123456789")]
    [InlineData("BG123456789", "BG123456789")]
    [InlineData("BG1234567890", "BG1234567890")]
    [InlineData("CY12345678L", "CY12345678L")]
    [InlineData("CZ12345678", "CZ12345678")]
    [InlineData("DK12345678", "DK12345678")]
    [InlineData("EE123456789", "EE123456789")]
    [InlineData("EL123456789", "EL123456789")]
    [InlineData("ESX1234567Y", "ESX1234567Y")]
    [InlineData("ES12345678Z", "ES12345678Z")]
    [InlineData("FI12345678", "FI12345678")]
    [InlineData("FRXX123456789", "FRXX123456789")]
    [InlineData("FR12 345 678 901", "FR12345678901")]
    [InlineData("HR12345678901", "HR12345678901")]
    [InlineData("HU12345678", "HU12345678")]
    [InlineData("IE1234567T", "IE1234567T")]
    [InlineData("IE1234567TW", "IE1234567TW")]
    [InlineData("IE1A23456B", "IE1A23456B")]
    [InlineData("IT12345678901", "IT12345678901")]
    [InlineData("LT123456789", "LT123456789")]
    [InlineData("LT123456789012", "LT123456789012")]
    [InlineData("LU12345678", "LU12345678")]
    [InlineData("LV12345678901", "LV12345678901")]
    [InlineData("MT12345678", "MT12345678")]
    [InlineData("NL123456789B01", "NL123456789B01")]
    [InlineData("PL1234567890", "PL1234567890")]
    [InlineData("PT123456789", "PT123456789")]
    [InlineData("SE123456789001", "SE123456789001")]
    [InlineData("SI12345678", "SI12345678")]
    [InlineData("SK1234567890", "SK1234567890")]
    [InlineData("XI123456789", "XI123456789")]
    [InlineData("GB123456789", "GB123456789")]
    [InlineData("GBGD001", "GBGD001")]
    public void Other_eu_vat_numbers_keep_their_country_prefix(string input, string expected)
    {
        TaxId.TryNormalize(input, out var normalized, out var error).ShouldBeTrue(error);
        normalized.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData(" - . ", "required")]
    [InlineData("DE12345678", "format used by DE")]
    [InlineData("DE1234567890", "format used by DE")]
    [InlineData("AT12345678", "format used by AT")]
    [InlineData("NL123456789", "format used by NL")]
    [InlineData("FR1234567890", "format used by FR")]
    [InlineData("GR123456789", "prefix EL")]
    [InlineData("US123456789", "Unknown VAT country prefix 'US'")]
    [InlineData("D123456789", "2-letter country prefix")]
    [InlineData("DE123/456789", "invalid character '/'")]
    [InlineData("RO_18547290", "invalid character '_'")]
    public void Malformed_vat_numbers_are_rejected(string? input, string expectedMessagePart)
    {
        TaxId.TryNormalize(input, out _, out var error).ShouldBeFalse();
        error.ShouldContain(expectedMessagePart, Case.Insensitive);
    }

    [Fact]
    public void Random_cuis_with_a_correct_check_digit_are_accepted_and_any_other_digit_is_rejected()
    {
        // Property: for random bodies the digit computed with the official key is accepted, with or without
        // the RO prefix, and each of the nine other digits is rejected.
        var random = new Random(753217532);
        for (var i = 0; i < 300; i++)
        {
            var bodyLength = random.Next(1, 10);
            var body = random.Next(1, 10).ToString() + string.Concat(Enumerable.Range(1, bodyLength - 1).Select(_ => random.Next(10)));
            var check = CheckDigit(body);
            var cui = body + check;

            TaxId.TryNormalize(cui, out var bare, out var error).ShouldBeTrue($"{cui}: {error}");
            bare.ShouldBe(cui);
            TaxId.TryNormalize("RO " + cui, out var prefixed, out _).ShouldBeTrue();
            prefixed.ShouldBe(cui);

            for (var wrong = 0; wrong <= 9; wrong++)
            {
                if (wrong != check)
                {
                    TaxId.TryNormalize(body + wrong, out _, out _).ShouldBeFalse($"{body}{wrong}");
                }
            }
        }
    }

    // Independent restatement of the official rule: right-align under 753217532, sum the products,
    // multiply by 10, modulo 11, and 10 becomes 0.
    private static int CheckDigit(string body)
    {
        var padded = body.PadLeft(TestKey.Length, '0');
        var sum = padded.Zip(TestKey, (d, k) => (d - '0') * (k - '0')).Sum();
        return sum * 10 % 11 % 10;
    }
}
