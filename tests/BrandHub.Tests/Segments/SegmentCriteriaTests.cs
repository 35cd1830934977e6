using System.Text.Json;
using BrandHub.Tests.Audience.Support;
using static BrandHub.Tests.Segments.SegmentDataSet;

namespace BrandHub.Tests.Segments;

/// <summary>
/// A table of criteria and the members they must select from the fixed data set — the same table on SQLite and on PostgreSQL
/// (the CI runs this class on both), so both compiled dialects must agree with the rule and with each other.
/// </summary>
public sealed class SegmentCriteriaTests(SegmentDataSet data) : IClassFixture<SegmentDataSet>
{
    private static readonly List<(string Criteria, Func<int, bool> Expected)> Cases =
    [
        ("""{"field":"country","op":"eq","value":"ro"}""", i => Country(i) == "RO"),
        ("""{"field":"country","op":"neq","value":"RO"}""", i => Country(i) != "RO"),
        ("""{"field":"country","op":"isNotSet"}""", i => Country(i) is null),
        ("""{"field":"city","op":"contains","value":"napoca"}""", i => City(i) == "Cluj-Napoca"),
        ("""{"field":"email","op":"in","value":["c01@seg.test","C02@SEG.TEST","nobody@seg.test"]}""", i => i is 1 or 2),
        ("""{"field":"lifecycleStage","op":"eq","value":"customer"}""", i => Stage(i) == "customer"),
        ("""{"field":"tags","op":"contains","value":"vip"}""", Vip),
        ("""{"field":"tags","op":"neq","value":"vip"}""", i => !Vip(i)),
        ("""{"field":"tags","op":"in","value":["vip","newsletter"]}""", i => Vip(i) || Newsletter(i)),
        ("""{"field":"tags","op":"isNotSet"}""", i => !Vip(i) && !Newsletter(i)),
        ("""{"field":"attributes.tier","op":"eq","value":"Gold"}""", i => Tier(i) == "gold"),
        ("""{"field":"attributes.tier","op":"isSet"}""", i => Tier(i) is not null),
        ("""{"field":"attributes.points","op":"between","value":[50,120]}""", i => Points(i) is >= 50 and <= 120),
        ("""{"field":"attributes.points","op":"gt","value":285}""", i => Points(i) > 285),
        ("""{"field":"attributes.premium","op":"eq","value":true}""", i => i % 2 == 0),
        ("""{"field":"attributes.birthday","op":"before","value":"2000-01-03"}""", i => i is 1 or 2),
        ("""{"field":"createdAt","op":"withinLastDays","value":1}""", _ => true),
        ("""{"field":"metrics.orders","op":"gte","value":3}""", i => RecentPurchases(i) + OldPurchases(i) >= 3),
        ("""{"field":"metrics.orders","op":"eq","value":0}""", i => RecentPurchases(i) + OldPurchases(i) == 0),
        ("""{"field":"metrics.revenue","op":"gt","value":450}""", i => RecentPurchases(i) * 100 + OldPurchases(i) * 200 > 450),
        ("""{"field":"metrics.lastOrderAt","op":"withinLastDays","value":30}""", i => RecentPurchases(i) > 0),
        ("""{"field":"metrics.lastSeenAt","op":"isNotSet"}""", i => RecentPurchases(i) + OldPurchases(i) == 0 && !LoggedInRecently(i) && !LoggedInLongAgo(i)),
        ("""{"consent":"email"}""", EmailConsent),
        ("""{"not":{"consent":"email"}}""", i => !EmailConsent(i)),
        ("""{"event":"purchase","op":"countGte","value":2,"withinLastDays":90}""", i => RecentPurchases(i) >= 2),
        ("""{"event":"purchase","op":"countGte","value":3}""", i => RecentPurchases(i) + OldPurchases(i) >= 3),
        ("""{"event":"purchase","op":"countLt","value":2}""", i => RecentPurchases(i) + OldPurchases(i) < 2),
        ("""{"event":"login","op":"none","withinLastDays":30}""", i => !LoggedInRecently(i)),
        ("""{"event":"purchase","op":"countGte","value":2,"where":[{"field":"sku","op":"eq","value":"HAT"}]}""", i => RecentPurchases(i) >= 4),
        ("""{"event":"purchase","op":"countGte","value":1,"where":[{"field":"revenue","op":"gte","value":150}]}""", i => OldPurchases(i) > 0),
        ("""{"event":"purchase","op":"countGte","value":1,"where":[{"field":"total","op":"between","value":[99,101]}]}""", i => RecentPurchases(i) > 0),
        ("""{"all":[{"field":"country","op":"eq","value":"RO"},{"any":[{"field":"tags","op":"contains","value":"vip"},{"consent":"email"}]}]}""",
            i => Country(i) == "RO" && (Vip(i) || EmailConsent(i))),
        ("""{"all":[{"event":"login","op":"countGte","value":1},{"not":{"any":[{"field":"lifecycleStage","op":"eq","value":"customer"},{"field":"attributes.points","op":"lt","value":100}]}}]}""",
            i => (LoggedInRecently(i) || LoggedInLongAgo(i)) && !(Stage(i) == "customer" || Points(i) < 100)),
        ("""{"all":[]}""", _ => true),
        ("""{"any":[]}""", _ => false),
        // A value full of SQL is data: it matches the one contact whose city is exactly that text.
        ("""{"field":"city","op":"eq","value":"x' OR 1=1 --"}""", i => i == 30),
        ("""{"field":"lastName","op":"eq","value":"o'brien"}""", i => i == 30),
        ("""{"field":"firstName","op":"contains","value":"%"}""", _ => false),
    ];

    public static TheoryData<int> CaseNumbers => new(Enumerable.Range(0, Cases.Count));

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public async Task A_dynamic_segment_has_exactly_the_contacts_its_criteria_describe(int number)
    {
        var (criteria, expected) = Cases[number];
        var segment = await data.CreateSegmentAsync(new { name = $"case {number}", type = "dynamic", criteria = JsonDocument.Parse(criteria).RootElement });

        var members = await data.MemberEmailsAsync(segment.Id());

        var want = Enumerable.Range(1, Count).Where(expected).Select(Email).Order().ToList();
        members.ShouldBe(want, $"{BrandHubHost.Provider}: {criteria}");
        segment.GetProperty("memberCount").GetInt64().ShouldBe(want.Count);

        var preview = await data.Tenant.Client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { criteria = JsonDocument.Parse(criteria).RootElement });
        var json = await preview.JsonAsync();
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("size").GetInt64().ShouldBe(want.Count);
        json.GetProperty("sample").GetArrayLength().ShouldBe(Math.Min(want.Count, 10));
    }

    [Fact]
    public async Task Preview_counts_reach_per_channel_only_for_opted_in_unsuppressed_contacts_with_an_address()
    {
        var client = data.Tenant.Client;
        // c03 is opted in to email but its address is suppressed: counted in size, not in email reach.
        var suppressed = await client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = Email(3), reason = "manual" });
        suppressed.IsSuccessStatusCode.ShouldBeTrue();
        var suppressionId = (await suppressed.JsonAsync()).Id();

        var response = await client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { criteria = new { field = "city", op = "eq", value = "Cluj-Napoca" } });

        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        var cluj = Enumerable.Range(1, 10).ToList();
        json.GetProperty("size").GetInt64().ShouldBe(10);
        json.GetProperty("reach").GetProperty("email").GetInt64().ShouldBe(cluj.Count(i => EmailConsent(i) && i != 3));
        json.GetProperty("reach").GetProperty("sms").GetInt64().ShouldBe(cluj.Count(SmsConsent));
        json.GetProperty("reach").GetProperty("push").GetInt64().ShouldBe(0);
        json.GetProperty("sample").EnumerateArray().Select(s => s.Str("email")).ShouldAllBe(e => cluj.Select(Email).Contains(e));
        (await client.DeleteAsync($"/api/v1/suppressions/{suppressionId}")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
