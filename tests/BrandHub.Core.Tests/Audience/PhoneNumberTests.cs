using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class PhoneNumberTests
{
    private static readonly string[] ListedCountries =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO", "IS", "US", "CA", "MD", "UA", "RS", "TR",
    ];

    // (default country, as written, expected E.164): for every country one national and one international form.
    public static TheoryData<string, string, string> EveryCountry => new()
    {
        { "AT", "0664 1234567", "+436641234567" },
        { "AT", "+43 1 234567", "+431234567" },
        { "BE", "0470 12 34 56", "+32470123456" },
        { "BE", "+32 2 123 45 67", "+3221234567" },
        { "BG", "0888 123 456", "+359888123456" },
        { "BG", "+359 2 123 4567", "+35921234567" },
        { "HR", "091 234 5678", "+385912345678" },
        { "HR", "+385 1 234 5678", "+38512345678" },
        { "CY", "99 123456", "+35799123456" },
        { "CY", "+357 22 123456", "+35722123456" },
        { "CZ", "601 123 456", "+420601123456" },
        { "CZ", "+420 212 345 678", "+420212345678" },
        { "DK", "20 12 34 56", "+4520123456" },
        { "DK", "0045 32 12 34 56", "+4532123456" },
        { "EE", "5123 4567", "+37251234567" },
        { "EE", "+372 612 3456", "+3726123456" },
        { "FI", "040 123 4567", "+358401234567" },
        { "FI", "+358 9 1234567", "+35891234567" },
        { "FR", "06 12 34 56 78", "+33612345678" },
        { "FR", "+33 1 23 45 67 89", "+33123456789" },
        { "DE", "0151 23456789", "+4915123456789" },
        { "DE", "030/1234567", "+49301234567" },
        { "DE", "+49 30 123456", "+4930123456" },
        { "GR", "691 234 5678", "+306912345678" },
        { "GR", "+30 21 0123 4567", "+302101234567" },
        { "HU", "06 20 123 4567", "+36201234567" },
        { "HU", "+36 1 234 5678", "+3612345678" },
        { "IE", "085 123 4567", "+353851234567" },
        { "IE", "+353 1 234 5678", "+35312345678" },
        { "IT", "06 1234 5678", "+390612345678" },
        { "IT", "333 123 4567", "+393331234567" },
        { "IT", "+39 02 1234567", "+39021234567" },
        { "LV", "2123 4567", "+37121234567" },
        { "LV", "+371 6712 3456", "+37167123456" },
        { "LT", "8 612 34567", "+37061234567" },
        { "LT", "0 612 34567", "+37061234567" },
        { "LT", "+370 5 212 3456", "+37052123456" },
        { "LU", "621 123 456", "+352621123456" },
        { "LU", "+352 27 12 34", "+352271234" },
        { "MT", "9912 3456", "+35699123456" },
        { "MT", "+356 2123 4567", "+35621234567" },
        { "NL", "06 12345678", "+31612345678" },
        { "NL", "+31 20 123 4567", "+31201234567" },
        { "PL", "512 345 678", "+48512345678" },
        { "PL", "+48 22 123 45 67", "+48221234567" },
        { "PT", "912 345 678", "+351912345678" },
        { "PT", "+351 21 123 4567", "+351211234567" },
        { "RO", "0721 234 567", "+40721234567" },
        { "RO", "+40 21 123 4567", "+40211234567" },
        { "SK", "0912 123 456", "+421912123456" },
        { "SK", "+421 2 1234 5678", "+421212345678" },
        { "SI", "031 234 567", "+38631234567" },
        { "SI", "+386 1 234 56 78", "+38612345678" },
        { "ES", "612 34 56 78", "+34612345678" },
        { "ES", "+34 91 123 45 67", "+34911234567" },
        { "SE", "070 123 45 67", "+46701234567" },
        { "SE", "+46 8 123 456 78", "+46812345678" },
        { "GB", "07700 900123", "+447700900123" },
        { "GB", "020 7946 0958", "+442079460958" },
        { "GB", "+44 (0) 20 7946 0958", "+442079460958" },
        { "CH", "078 123 45 67", "+41781234567" },
        { "CH", "+41 44 668 18 00", "+41446681800" },
        { "NO", "412 34 567", "+4741234567" },
        { "NO", "+47 22 12 34 56", "+4722123456" },
        { "IS", "611 1234", "+3546111234" },
        { "IS", "+354 551 2345", "+3545512345" },
        { "US", "(212) 555-0100", "+12125550100" },
        { "US", "1-415-555-2671", "+14155552671" },
        { "US", "+1 415 555 2671", "+14155552671" },
        { "CA", "(416) 555-0199", "+14165550199" },
        { "CA", "+1 604 555 0123", "+16045550123" },
        { "MD", "069 123 456", "+37369123456" },
        { "MD", "+373 22 123 456", "+37322123456" },
        { "UA", "050 123 4567", "+380501234567" },
        { "UA", "+380 44 123 4567", "+380441234567" },
        { "RS", "064 123 4567", "+381641234567" },
        { "RS", "+381 11 123 4567", "+381111234567" },
        { "TR", "0532 123 45 67", "+905321234567" },
        { "TR", "+90 212 123 45 67", "+902121234567" },
    };

    [Theory]
    [MemberData(nameof(EveryCountry))]
    public void Numbers_from_every_supported_country_become_e164(string defaultCountry, string input, string expected)
    {
        PhoneNumber.TryNormalize(input, defaultCountry, out var e164, out var error).ShouldBeTrue(error);
        e164.ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    [Fact]
    public void The_table_above_covers_every_listed_country_in_both_forms()
    {
        var rows = EveryCountry.Select(row => ((string)row[0], (string)row[1])).ToList();
        foreach (var country in ListedCountries)
        {
            rows.ShouldContain(r => r.Item1 == country && !r.Item2.StartsWith('+') && !r.Item2.StartsWith("00"), $"{country} national");
            rows.ShouldContain(r => r.Item1 == country && (r.Item2.StartsWith('+') || r.Item2.StartsWith("00")), $"{country} international");
        }
    }

    [Theory]
    [InlineData("0721 234 567", "+40721234567")]
    [InlineData("0721234567", "+40721234567")]
    [InlineData("721234567", "+40721234567")]
    [InlineData("(0721) 234-567", "+40721234567")]
    [InlineData("0721.234.567", "+40721234567")]
    [InlineData("0721-234-567", "+40721234567")]
    [InlineData("+40 721 234 567", "+40721234567")]
    [InlineData("+40721234567", "+40721234567")]
    [InlineData("0040721234567", "+40721234567")]
    [InlineData("0040 (0) 721 234 567", "+40721234567")]
    [InlineData("+40 0721 234 567", "+40721234567")]
    [InlineData("tel:+40721234567", "+40721234567")]
    [InlineData("TEL: 0721 234 567", "+40721234567")]
    [InlineData("  +40\u00A0721\u00A0234\u00A0567  ", "+40721234567")]
    public void Romanian_mobile_in_any_common_notation_becomes_e164(string input, string expected)
    {
        PhoneNumber.TryNormalize(input, "RO", out var e164, out var error).ShouldBeTrue(error);
        e164.ShouldBe(expected);
    }

    [Fact]
    public void Romanian_mobile_in_national_format_becomes_e164()
    {
        PhoneNumber.TryNormalize("0721 234 567", "RO", out var e164, out _).ShouldBeTrue();
        e164.ShouldBe("+40721234567");
    }

    [Theory]
    [InlineData("+44 (0) 20 7946 0958", "RO", "+442079460958")]
    [InlineData("0044 (0)20 7946 0958", "RO", "+442079460958")]
    [InlineData("+39 (0)6 1234 5678", "RO", "+390612345678")]
    [InlineData("+39 06 1234 5678", "DE", "+390612345678")]
    [InlineData("+39 333 123 4567", "DE", "+393331234567")]
    [InlineData("011 40 721 234 567", "US", "+40721234567")]
    [InlineData("+40 721 234 567", "XX", "+40721234567")]
    [InlineData("+40 721 234 567", "", "+40721234567")]
    [InlineData("0721 234 567", "ro", "+40721234567")]
    public void International_forms_do_not_depend_on_the_default_country(string input, string defaultCountry, string expected)
    {
        PhoneNumber.TryNormalize(input, defaultCountry, out var e164, out var error).ShouldBeTrue(error);
        e164.ShouldBe(expected);
    }

    [Fact]
    public void Italian_fixed_lines_keep_their_leading_zero_while_others_drop_the_trunk_zero()
    {
        PhoneNumber.TryNormalize("06 1234 5678", "IT", out var rome, out _).ShouldBeTrue();
        PhoneNumber.TryNormalize("06 12 34 56 78", "FR", out var paris, out _).ShouldBeTrue();
        rome.ShouldBe("+390612345678");
        paris.ShouldBe("+33612345678");
    }

    [Theory]
    [InlineData(null, "RO", "required")]
    [InlineData("", "RO", "required")]
    [InlineData("   ", "RO", "required")]
    [InlineData("0721 ABC 567", "RO", "letters")]
    [InlineData("+40 721 234 567 ext 12", "RO", "letters")]
    [InlineData("0800-FLOWERS", "US", "letters")]
    [InlineData("0721 234", "RO", "too short")]
    [InlineData("0721 234 5678", "RO", "too long")]
    [InlineData("+40 721 23", "RO", "too short")]
    [InlineData("+999 123 456 789", "RO", "Unknown or unsupported country calling code")]
    [InlineData("+81 3 1234 5678", "RO", "Unknown or unsupported country calling code")]
    [InlineData("0081 3 1234 5678", "RO", "Unknown or unsupported country calling code")]
    [InlineData("0721 234 567", "XX", "Unknown default country 'XX'")]
    [InlineData("0721 234 567", "ROU", "Unknown default country")]
    [InlineData("0721 234 567", "", "no default country")]
    [InlineData("+40 721+234 567", "RO", "only allowed at the start")]
    [InlineData("0721_234_567", "RO", "invalid character '_'")]
    [InlineData("0721#234567", "RO", "invalid character '#'")]
    [InlineData("+", "RO", "no digits")]
    [InlineData("(-)", "RO", "no digits")]
    [InlineData("+1 012 555 0100", "US", "area code")]
    [InlineData("(212) 155-0100", "US", "exchange")]
    [InlineData("+30 012 345 6789", "GR", "must not start with 0")]
    public void Invalid_numbers_are_rejected_with_a_clear_message(string? input, string defaultCountry, string expectedMessagePart)
    {
        PhoneNumber.TryNormalize(input, defaultCountry, out var e164, out var error).ShouldBeFalse();
        e164.ShouldBeEmpty();
        error.ShouldContain(expectedMessagePart, Case.Insensitive);
    }

    [Fact]
    public void Every_listed_country_is_supported_and_nothing_else()
    {
        PhoneNumber.SupportedCountries.Order().ShouldBe(ListedCountries.Order());
        foreach (var country in ListedCountries)
        {
            PhoneNumber.IsSupportedCountry(country).ShouldBeTrue(country);
            PhoneNumber.IsSupportedCountry(country.ToLowerInvariant()).ShouldBeTrue(country);
        }

        PhoneNumber.IsSupportedCountry("JP").ShouldBeFalse();
        PhoneNumber.IsSupportedCountry("").ShouldBeFalse();
        PhoneNumber.IsSupportedCountry("ROU").ShouldBeFalse();
    }

    // Double entry: the national significant number lengths, written out independently of the implementation.
    [Theory]
    [InlineData("AT", "43", 4, 13)]
    [InlineData("BE", "32", 8, 9)]
    [InlineData("BG", "359", 6, 9)]
    [InlineData("HR", "385", 6, 9)]
    [InlineData("CY", "357", 8, 8)]
    [InlineData("CZ", "420", 9, 9)]
    [InlineData("DK", "45", 8, 8)]
    [InlineData("EE", "372", 7, 10)]
    [InlineData("FI", "358", 5, 12)]
    [InlineData("FR", "33", 9, 9)]
    [InlineData("DE", "49", 5, 13)]
    [InlineData("GR", "30", 10, 10)]
    [InlineData("HU", "36", 8, 9)]
    [InlineData("IE", "353", 7, 10)]
    [InlineData("IT", "39", 6, 11)]
    [InlineData("LV", "371", 8, 8)]
    [InlineData("LT", "370", 8, 8)]
    [InlineData("LU", "352", 4, 11)]
    [InlineData("MT", "356", 8, 8)]
    [InlineData("NL", "31", 7, 10)]
    [InlineData("PL", "48", 9, 9)]
    [InlineData("PT", "351", 9, 9)]
    [InlineData("RO", "40", 9, 9)]
    [InlineData("SK", "421", 9, 9)]
    [InlineData("SI", "386", 8, 8)]
    [InlineData("ES", "34", 9, 9)]
    [InlineData("SE", "46", 7, 10)]
    [InlineData("GB", "44", 9, 10)]
    [InlineData("CH", "41", 9, 9)]
    [InlineData("NO", "47", 8, 8)]
    [InlineData("IS", "354", 7, 9)]
    [InlineData("US", "1", 10, 10)]
    [InlineData("CA", "1", 10, 10)]
    [InlineData("MD", "373", 8, 8)]
    [InlineData("UA", "380", 9, 9)]
    [InlineData("RS", "381", 6, 12)]
    [InlineData("TR", "90", 10, 10)]
    public void Length_limits_follow_each_national_numbering_plan(string country, string callingCode, int min, int max)
    {
        string Number(int digits) => "+" + callingCode + new string('2', digits);

        PhoneNumber.TryNormalize(Number(min), country, out var shortest, out var error).ShouldBeTrue(error);
        shortest.ShouldBe(Number(min));
        PhoneNumber.TryNormalize(Number(max), country, out var longest, out error).ShouldBeTrue(error);
        longest.ShouldBe(Number(max));

        PhoneNumber.TryNormalize(Number(min - 1), country, out _, out error).ShouldBeFalse();
        error.ShouldContain($"too short for {(callingCode == "1" ? "US" : country)} (+{callingCode})");
        PhoneNumber.TryNormalize(Number(max + 1), country, out _, out error).ShouldBeFalse();
        error.ShouldContain("too long");

        // The same bounds apply to the national form typed with the default country.
        PhoneNumber.TryNormalize(new string('2', max + 1), country, out _, out error).ShouldBeFalse();
        error.ShouldContain("too long");
    }

    [Fact]
    public void Normalised_numbers_are_stable_and_well_formed()
    {
        // Property: for random valid Romanian mobiles in random notations the result is the same E.164,
        // re-normalising it is a no-op and it never exceeds 15 digits.
        var random = new Random(4072);
        string[] separators = ["", " ", ".", "-", "/", "  "];
        for (var i = 0; i < 500; i++)
        {
            var subscriber = $"7{random.Next(0, 100_000_000):D8}";
            var expected = "+40" + subscriber;
            var sep = separators[random.Next(separators.Length)];
            var grouped = $"{subscriber[..3]}{sep}{subscriber[3..6]}{sep}{subscriber[6..]}";
            var written = random.Next(5) switch
            {
                0 => "0" + grouped,
                1 => "+40 " + grouped,
                2 => "0040" + sep + grouped,
                3 => $"({"0" + subscriber[..3]}) {subscriber[3..6]}-{subscriber[6..]}",
                _ => "tel:+40" + grouped,
            };

            PhoneNumber.TryNormalize(written, "RO", out var e164, out var error).ShouldBeTrue($"{written}: {error}");
            e164.ShouldBe(expected);
            PhoneNumber.TryNormalize(e164, "RO", out var again, out _).ShouldBeTrue();
            again.ShouldBe(e164);
            e164.Length.ShouldBeLessThanOrEqualTo(16);
        }
    }
}
