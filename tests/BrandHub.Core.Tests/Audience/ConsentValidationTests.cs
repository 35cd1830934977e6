using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class ConsentValidationTests
{
    private static readonly ConsentProof SignupFormProof = new("203.0.113.7", "Mozilla/5.0", "form:newsletter-2025");

    public static TheoryData<string, ConsentChange> AcceptedChanges => new()
    {
        { "email opt-in on consent with full proof", new("email", "opted_in", "signup_form", "consent", SignupFormProof) },
        { "proof with ip only", new("sms", "opted_in", "pos", "consent", new("2001:db8::1", null, null)) },
        { "proof with user agent only", new("push", "opted_in", "app", "consent", new(null, "BrandHubApp/3.2 (iOS 18)", null)) },
        { "proof with reference only", new("whatsapp", "opted_in", "call_centre", "consent", new(null, null, "call-2025-0042")) },
        { "soft opt-in on legitimate interest needs no proof", new("email", "opted_in", "checkout", "legitimate_interest", null) },
        { "contract basis needs no proof", new("sms", "opted_in", "order", "contract", null) },
        { "opt-out needs only a source", new("email", "opted_out", "unsubscribe_link", null, null) },
        { "opt-out may record a basis and proof", new("sms", "opted_out", "stop_keyword", "consent", new("198.51.100.1", null, null)) },
        { "unknown status needs no source", new("email", "unknown", null, null, null) },
        { "wire names are case-insensitive", new("EMAIL", "Opted_In", "signup_form", "Consent", SignupFormProof) },
        { "profiling opt-in on consent", new("profiling", "opted_in", "preference_centre", "consent", SignupFormProof) },
        { "profiling opt-out on any basis", new("profiling", "opted_out", "preference_centre", "legitimate_interest", null) },
        { "source at the 100 character limit", new("email", "opted_out", new string('s', 100), null, null) },
        { "user agent at the 512 character limit", new("email", "opted_in", "form", "consent", new(null, new string('u', 512), null)) },
        { "reference at the 200 character limit", new("email", "opted_in", "form", "consent", new(null, null, new string('r', 200))) },
        { "ipv4 mapped ipv6", new("email", "opted_in", "form", "consent", new("::ffff:192.0.2.128", null, null)) },
    };

    [Theory]
    [MemberData(nameof(AcceptedChanges))]
    public void Well_formed_consent_changes_are_accepted(string scenario, ConsentChange change)
    {
        ConsentPolicy.Validate(change).ShouldBeEmpty(scenario);
    }

    public static TheoryData<string, ConsentChange, string, string> RejectedChanges => new()
    {
        { "missing channel", new(null, "opted_out", "link", null, null), "channel", "required" },
        { "blank channel", new("  ", "opted_out", "link", null, null), "channel", "required" },
        { "unknown channel", new("fax", "opted_out", "link", null, null), "channel", "Unknown channel 'fax'" },
        { "missing status", new("email", null, "link", null, null), "status", "required" },
        { "unknown status", new("email", "subscribed", "link", null, null), "status", "Unknown status" },
        { "opt-in without source", new("email", "opted_in", null, "consent", SignupFormProof), "source", "required" },
        { "opt-out without source", new("email", "opted_out", " ", null, null), "source", "required" },
        { "source too long", new("email", "opted_out", new string('s', 101), null, null), "source", "100" },
        { "opt-in without legal basis", new("email", "opted_in", "form", null, SignupFormProof), "legalBasis", "required" },
        { "unknown legal basis", new("email", "opted_in", "form", "vibes", SignupFormProof), "legalBasis", "Unknown legal basis" },
        { "consent without proof", new("email", "opted_in", "form", "consent", null), "proof", "at least one" },
        { "consent with empty proof", new("email", "opted_in", "form", "consent", new(" ", "", null)), "proof", "at least one" },
        { "profiling on legitimate interest", new("profiling", "opted_in", "crm", "legitimate_interest", null), "legalBasis", "GDPR art. 22" },
        { "profiling on contract", new("profiling", "opted_in", "crm", "contract", null), "legalBasis", "consent" },
        { "ip is not an address", new("email", "opted_in", "form", "consent", new("localhost", null, null)), "proof.ip", "not a valid" },
        { "ipv4 octet out of range", new("email", "opted_in", "form", "consent", new("256.1.1.1", null, null)), "proof.ip", "not a valid" },
        { "ipv4 shorthand", new("email", "opted_in", "form", "consent", new("1", "ua", null)), "proof.ip", "not a valid" },
        { "ipv4 with leading zero", new("email", "opted_in", "form", "consent", new("010.0.0.1", "ua", null)), "proof.ip", "not a valid" },
        { "ipv4 with three octets", new("email", "opted_in", "form", "consent", new("10.0.1", "ua", null)), "proof.ip", "not a valid" },
        { "broken ipv6", new("email", "opted_in", "form", "consent", new("2001:db8:::1", null, null)), "proof.ip", "not a valid" },
        { "bad ip even on opt-out", new("email", "opted_out", "form", null, new("999.1.1.1", null, null)), "proof.ip", "not a valid" },
        { "user agent too long", new("email", "opted_in", "form", "consent", new(null, new string('u', 513), null)), "proof.userAgent", "512" },
        { "reference too long", new("email", "opted_in", "form", "consent", new(null, null, new string('r', 201))), "proof.reference", "200" },
    };

    [Theory]
    [MemberData(nameof(RejectedChanges))]
    public void Each_consent_rule_reports_its_own_field(string scenario, ConsentChange change, string field, string messagePart)
    {
        var errors = ConsentPolicy.Validate(change);

        errors.ShouldHaveSingleItem(scenario);
        errors[0].Field.ShouldBe(field, scenario);
        errors[0].Message.ShouldContain(messagePart, Case.Insensitive, scenario);
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        var change = new ConsentChange("fax", "maybe", new string('s', 101), "vibes", new("not-an-ip", new string('u', 600), new string('r', 300)));

        var fields = ConsentPolicy.Validate(change).Select(e => e.Field).ToArray();

        fields.ShouldBe(["channel", "status", "legalBasis", "source", "proof.ip", "proof.userAgent", "proof.reference"], ignoreOrder: true);
    }

    [Fact]
    public void Empty_change_reports_channel_and_status()
    {
        var errors = ConsentPolicy.Validate(new ConsentChange(null, null, null, null, null));
        errors.Select(e => e.Field).ShouldBe(["channel", "status"]);
    }

    [Fact]
    public void Opt_in_with_consent_and_no_proof_on_profiling_reports_only_the_proof()
    {
        var errors = ConsentPolicy.Validate(new ConsentChange("profiling", "opted_in", "form", "consent", null));
        errors.ShouldHaveSingleItem().Field.ShouldBe("proof");
    }
}
