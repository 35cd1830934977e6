using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class EmailAddressTests
{
    [Theory]
    [InlineData("ana@example.ro", "ana@example.ro")]
    [InlineData("  ana@example.ro  ", "ana@example.ro")]
    [InlineData("Ana.Popescu@Example.RO", "Ana.Popescu@example.ro")]
    [InlineData("ANA@EXAMPLE.RO", "ANA@example.ro")]
    [InlineData("ana+newsletter@example.ro", "ana+newsletter@example.ro")]
    [InlineData("first.middle.last@sub.domain.example.com", "first.middle.last@sub.domain.example.com")]
    [InlineData("o'connor@example.ie", "o'connor@example.ie")]
    [InlineData("user_name-1@my-company.eu", "user_name-1@my-company.eu")]
    [InlineData("x@a.io", "x@a.io")]
    [InlineData("1234567890@numbers.example", "1234567890@numbers.example")]
    [InlineData("!#$%&'*+-/=?^_`{|}~@example.org", "!#$%&'*+-/=?^_`{|}~@example.org")]
    [InlineData("\"a@b\"@example.com", "\"a@b\"@example.com")]
    [InlineData("\"john..doe\"@example.com", "\"john..doe\"@example.com")]
    [InlineData("maria@mÜnchen.de", "maria@xn--mnchen-3ya.de")]
    [InlineData("ion@brașov.ro", "ion@xn--braov-h9b.ro")]
    [InlineData("ana@ΕΛΛΑΔΑ.gr", "ana@xn--mxaaic4aa.gr")]
    [InlineData("andreea.ștefan@example.ro", "andreea.ștefan@example.ro")]
    [InlineData("ana@xn--mnchen-3ya.de", "ana@xn--mnchen-3ya.de")]
    [InlineData("tab-trimmed@example.ro\t", "tab-trimmed@example.ro")]
    public void Valid_addresses_are_normalised(string input, string expected)
    {
        EmailAddress.TryNormalize(input, out var normalized, out var error).ShouldBeTrue(error);
        normalized.ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("ana.example.ro", "must contain an '@'")]
    [InlineData("ana@@example.ro", "exactly one '@'")]
    [InlineData("ana@b@example.ro", "exactly one '@'")]
    [InlineData("ana popescu@example.ro", "spaces")]
    [InlineData("ana@exam ple.ro", "spaces")]
    [InlineData("ana..popescu@example.ro", "consecutive dots")]
    [InlineData(".ana@example.ro", "start with a dot")]
    [InlineData("ana.@example.ro", "end with a dot")]
    [InlineData("@example.ro", "nothing before the '@'")]
    [InlineData("ana@", "no domain")]
    [InlineData("ana@localhost", "must contain a dot")]
    [InlineData("ana@example..ro", "consecutive dots")]
    [InlineData("ana@.example.ro", "start or end with a dot")]
    [InlineData("ana@example.ro.", "start or end with a dot")]
    [InlineData("ana@-example.ro", "hyphen")]
    [InlineData("ana@example-.ro", "hyphen")]
    [InlineData("ana@exa_mple.ro", "domain")]
    [InlineData("ana@example.123", "numeric")]
    [InlineData("ana@[192.0.2.1]", "IP-address domains")]
    [InlineData("ana@xn--zz.ro", "punycode")]
    [InlineData("ana@exa\u00A0mple.ro", "spaces")]
    [InlineData("Ana <ana@example.ro>", "Display-name")]
    [InlineData("\"Ana Popescu\" <ana@example.ro>", "Display-name")]
    [InlineData("<ana@example.ro>", "Display-name")]
    [InlineData("ana(comment)@example.ro", "invalid character '('")]
    [InlineData("ana,b@example.ro", "invalid character ','")]
    [InlineData("an\"a@example.ro", "Quotes")]
    [InlineData("\"unclosed@example.ro", "unclosed quote")]
    public void Invalid_addresses_are_rejected_with_a_clear_message(string? input, string expectedMessagePart)
    {
        EmailAddress.TryNormalize(input, out var normalized, out var error).ShouldBeFalse();
        normalized.ShouldBeEmpty();
        error.ShouldContain(expectedMessagePart, Case.Insensitive);
    }

    [Fact]
    public void Display_name_form_suggests_the_bare_address()
    {
        EmailAddress.TryNormalize("Ana <ana@example.ro>", out _, out var error).ShouldBeFalse();
        error.ShouldContain("ana@example.ro");
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Local_part_is_limited_to_64_characters(int localLength, bool accepted)
    {
        var address = new string('a', localLength) + "@example.ro";
        EmailAddress.TryNormalize(address, out _, out var error).ShouldBe(accepted, error);
        if (!accepted)
        {
            error.ShouldContain("64");
        }
    }

    [Theory]
    [InlineData(254, true)]
    [InlineData(255, false)]
    public void Whole_address_is_limited_to_254_characters(int totalLength, bool accepted)
    {
        var local = new string('a', 64);
        var address = local + "@" + DomainOfLength(totalLength - local.Length - 1);
        address.Length.ShouldBe(totalLength);

        EmailAddress.TryNormalize(address, out _, out var error).ShouldBe(accepted, error);
        if (!accepted)
        {
            error.ShouldContain("254");
        }
    }

    [Fact]
    public void Domain_label_longer_than_63_characters_is_rejected()
    {
        var address = "ana@" + new string('x', 64) + ".ro";
        EmailAddress.TryNormalize(address, out _, out var error).ShouldBeFalse();
        error.ShouldContain("63");
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        // Property: normalisation is idempotent over generated addresses with random case and padding.
        var random = new Random(20240601);
        const string localChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+_-";
        string[] domains = ["example.ro", "Example.COM", "sub.Firma.eu", "brașov.ro", "MÜNCHEN.de"];
        for (var i = 0; i < 500; i++)
        {
            var local = new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => localChars[random.Next(localChars.Length)]).ToArray());
            var input = new string(' ', random.Next(3)) + local + "@" + domains[random.Next(domains.Length)] + new string(' ', random.Next(3));

            EmailAddress.TryNormalize(input, out var once, out var error).ShouldBeTrue($"{input}: {error}");
            EmailAddress.TryNormalize(once, out var twice, out _).ShouldBeTrue();
            twice.ShouldBe(once);
            once.ShouldStartWith(local + "@"); // local part case is kept
            var domain = once[(once.IndexOf('@') + 1)..];
            domain.ShouldBe(domain.ToLowerInvariant());
            domain.All(char.IsAscii).ShouldBeTrue();
        }
    }

    // Labels of at most 63 characters, joined by dots, adding up to exactly `length` characters.
    private static string DomainOfLength(int length)
    {
        var labels = new List<string>();
        while (length > 63)
        {
            var take = Math.Min(62, length - 2);
            labels.Add(new string('b', take));
            length -= take + 1;
        }

        labels.Add(new string('r', length));
        return string.Join('.', labels);
    }
}
