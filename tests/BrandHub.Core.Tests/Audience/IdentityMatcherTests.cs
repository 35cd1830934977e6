using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class IdentityMatcherTests
{
    public static TheoryData<string, IdentityProfile, IdentityProfile> SamePerson => new()
    {
        { "identical", new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca") },
        { "diacritics", new("Ștefan", "Bălănescu", "Țesătoria SA", "Brașov"), new("Stefan", "Balanescu", "Tesatoria SA", "Brasov") },
        { "case and spacing", new("ana maria", "POPESCU", "acme srl", "cluj-napoca"), new("Ana  Maria", "Popescu", "ACME S.R.L.", "Cluj-Napoca") },
        { "typo in last name", new("Stefan", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Stefan", "Popesku", "Acme", "Cluj-Napoca") },
        { "typo in first name", new("Alexandru", "Ionescu", "Globex GmbH", "Wien"), new("Alexnadru", "Ionescu", "Globex", "Wien") },
        { "swapped first and last", new("Popescu", "Ion", "Acme SRL", "Iași"), new("Ion", "Popescu", "S.C. Acme S.R.L.", "Iasi") },
        { "legal suffix variants", new("John", "Smith", "Initech Ltd", "London"), new("John", "Smith", "Initech LLC", "London") },
        { "no city but strong name and company", new("Maria", "Georgescu", "Umbrella Inc", null), new("Maria", "Georgescu", "Umbrella", null) },
    };

    [Theory]
    [MemberData(nameof(SamePerson))]
    public void Same_person_written_differently_goes_to_review(string scenario, IdentityProfile a, IdentityProfile b)
    {
        var match = IdentityMatcher.Score(a, b);
        match.Score.ShouldBeGreaterThanOrEqualTo(IdentityMatcher.ReviewThreshold, $"{scenario}: {string.Join("; ", match.Reasons)}");
    }

    public static TheoryData<string, IdentityProfile, IdentityProfile> DifferentPeople => new()
    {
        { "nothing in common", new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Hans", "Weber", "Globex GmbH", "München") },
        { "colleagues", new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Ion", "Ionescu", "Acme SRL", "Cluj-Napoca") },
        { "same surname, same company", new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Mihai", "Popescu", "Acme SRL", "Cluj-Napoca") },
        { "namesakes in different companies", new("Ana", "Popescu", "Acme SRL", "Cluj-Napoca"), new("Ana", "Popescu", "Globex SA", "Timișoara") },
        { "namesakes in the same city", new("Andrei", "Popa", "Acme SRL", "București"), new("Andrei", "Popa", "Initech SRL", "București") },
        { "name only", new("Ana", "Popescu", null, null), new("Ana", "Popescu", null, null) },
        { "name and city only", new("Ana", "Popescu", null, "Cluj"), new("Ana", "Popescu", null, "Cluj") },
        { "company and city only", new(null, null, "Acme SRL", "Cluj"), new(null, null, "Acme SRL", "Cluj") },
        { "everything missing", new(null, null, null, null), new(null, null, null, null) },
    };

    [Theory]
    [MemberData(nameof(DifferentPeople))]
    public void Different_people_or_thin_evidence_stay_below_review(string scenario, IdentityProfile a, IdentityProfile b)
    {
        var match = IdentityMatcher.Score(a, b);
        match.Score.ShouldBeLessThan(IdentityMatcher.ReviewThreshold, $"{scenario}: {string.Join("; ", match.Reasons)}");
    }

    [Fact]
    public void A_perfect_name_alone_never_reaches_the_threshold()
    {
        // Property: whatever the name, without company and city the score is capped by the name weight.
        var random = new Random(82);
        string[] names = ["Ana", "Ion", "Ștefan", "Maria", "Popescu", "Ionescu", "Müller", "Smith", "Ana Maria"];
        for (var i = 0; i < 300; i++)
        {
            var first = names[random.Next(names.Length)];
            var last = names[random.Next(names.Length)];
            var match = IdentityMatcher.Score(new(first, last, null, null), new(first, last, null, null));
            match.Score.ShouldBeLessThan(IdentityMatcher.ReviewThreshold);
            match.Score.ShouldBeLessThanOrEqualTo(IdentityMatcher.NameWeight + 1e-9);
        }
    }

    [Fact]
    public void Scoring_is_symmetric_and_bounded()
    {
        var random = new Random(4242);
        string?[] firsts = ["Ana", "Ana-Maria", "Ion", "Ștefan", null, ""];
        string?[] lasts = ["Popescu", "Popesku", "Ionescu", null];
        string?[] companies = ["Acme SRL", "ACME", "Globex GmbH", null];
        string?[] cities = ["Cluj-Napoca", "Cluj", "București", null];
        IdentityProfile Pick() => new(
            firsts[random.Next(firsts.Length)], lasts[random.Next(lasts.Length)],
            companies[random.Next(companies.Length)], cities[random.Next(cities.Length)]);

        for (var i = 0; i < 1000; i++)
        {
            var a = Pick();
            var b = Pick();
            var ab = IdentityMatcher.Score(a, b);
            var ba = IdentityMatcher.Score(b, a);
            ab.Score.ShouldBe(ba.Score, $"{a} / {b}");
            ab.Score.ShouldBeInRange(0.0, 1.0);
            ab.Reasons.Count.ShouldBe(3); // one finding per field: name, company, city
        }
    }

    [Fact]
    public void Reasons_explain_the_score_to_the_reviewer()
    {
        var match = IdentityMatcher.Score(new("Popescu", "Ion", "Acme SRL", null), new("Ion", "Popescu", "ACME", "Cluj"));

        match.Reasons.ShouldBe(["name 1.00 (first/last swapped)", "company 1.00", "city missing"]);
    }

    [Fact]
    public void Missing_fields_lower_the_confidence()
    {
        var full = IdentityMatcher.Score(new("Ana", "Popescu", "Acme", "Cluj"), new("Ana", "Popescu", "Acme", "Cluj")).Score;
        var noCity = IdentityMatcher.Score(new("Ana", "Popescu", "Acme", null), new("Ana", "Popescu", "Acme", "Cluj")).Score;
        var noFirstName = IdentityMatcher.Score(new(null, "Popescu", "Acme", null), new("Ana", "Popescu", "Acme", "Cluj")).Score;

        full.ShouldBe(1.0);
        noCity.ShouldBeLessThan(full);
        noFirstName.ShouldBeLessThan(noCity);
    }

    [Theory]
    [InlineData("Ștefan", "Popescu", "pops")]
    [InlineData("ana", "POPA", "popa")]
    [InlineData("Ion", "Li", "lii")]
    [InlineData(null, "Ionescu", "ion")]
    [InlineData("Ion", "Ó'Brien", "obri")]
    [InlineData("Ion", null, "")]
    [InlineData("Ion", "  ", "")]
    public void Blocking_key_is_a_folded_last_name_prefix_plus_first_initial(string? first, string? last, string expected)
    {
        IdentityMatcher.BlockingKey(new IdentityProfile(first, last, null, null)).ShouldBe(expected);
    }

    [Fact]
    public void Blocking_keys_also_cover_swapped_names()
    {
        IdentityMatcher.BlockingKeys(new IdentityProfile("Ion", "Popescu", null, null)).ShouldBe(["popi", "ionp"]);
        IdentityMatcher.BlockingKeys(new IdentityProfile(null, "Popescu", null, null)).ShouldBe(["pop"]);
        IdentityMatcher.BlockingKeys(new IdentityProfile(null, null, "Acme", null)).ShouldBeEmpty();
    }

    [Fact]
    public void Diacritics_do_not_change_the_blocking_key()
    {
        IdentityMatcher.BlockingKey(new("Ștefan", "Țăranu", null, null))
            .ShouldBe(IdentityMatcher.BlockingKey(new("Stefan", "Taranu", null, null)));
    }
}
