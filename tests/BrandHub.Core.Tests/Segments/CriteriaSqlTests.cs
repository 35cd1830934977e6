using System.Text.Json;
using BrandHub.Core.Audience;
using BrandHub.Core.Segments;

namespace BrandHub.Core.Tests.Segments;

public sealed class CriteriaSqlTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly FieldCatalogue Catalogue = new(new Dictionary<string, AttributeType>
    {
        ["tier"] = AttributeType.String, ["points"] = AttributeType.Number, ["vip"] = AttributeType.Bool, ["birthday"] = AttributeType.Date,
    });

    private static Criterion Tree(string json)
    {
        var parsed = CriteriaParser.Parse(JsonDocument.Parse(json).RootElement, Catalogue);
        parsed.IsValid.ShouldBeTrue(string.Join("; ", parsed.Errors));
        return parsed.Criterion!;
    }

    public static TheoryData<string> Hostile => new()
    {
        "x' OR 1=1 --",
        "'; DROP TABLE contacts; --",
        "\" OR \"\"=\"",
        "100%_off",
        "$.evil",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_value_goes_only_into_parameters(string hostile)
    {
        var value = JsonSerializer.Serialize(hostile);
        var tree = Tree($$$"""
            {"any":[
              {"field":"email","op":"eq","value":{{{value}}}},
              {"field":"city","op":"contains","value":{{{value}}}},
              {"field":"tags","op":"in","value":[{{{value}}}]},
              {"field":"attributes.tier","op":"neq","value":{{{value}}}},
              {"event":{{{value}}},"op":"countGte","value":3,"where":[{"field":"sku","op":"eq","value":{{{value}}}}]}
            ]}
            """);

        foreach (var dialect in new[] { SqlDialect.Sqlite, SqlDialect.Postgres })
        {
            var compiled = CriteriaSql.Compile(tree, dialect, Now);
            compiled.Sql.ShouldNotContain(hostile);
            compiled.Parameters.Select(p => p.Value).ShouldContain(hostile);
            compiled.Sql.ShouldNotContain("DROP");
        }
    }

    [Fact]
    public void Attribute_and_property_names_are_parameters_too()
    {
        var compiled = CriteriaSql.Compile(Tree("""
            {"all":[{"field":"attributes.points","op":"gt","value":5},
                    {"event":"purchase","op":"none","where":[{"field":"coupon_code","op":"isSet"}]}]}
            """), SqlDialect.Postgres, Now);

        compiled.Sql.ShouldNotContain("points");
        compiled.Sql.ShouldNotContain("coupon_code");
        compiled.Sql.ShouldNotContain("purchase");
        compiled.Parameters.Select(p => p.Value).ShouldContain("points");
        compiled.Parameters.Select(p => p.Value).ShouldContain("coupon_code");
        compiled.Parameters.Select(p => p.Value).ShouldContain(5m);
    }

    [Fact]
    public void Values_take_each_database_s_storage_form()
    {
        var id = Guid.NewGuid();
        var tree = Tree($$$"""
            {"all":[{"field":"metrics.revenue","op":"gte","value":12.5},{"field":"createdAt","op":"before","value":"2026-01-01"},
                    {"segment":"{{{id}}}"},{"field":"attributes.vip","op":"eq","value":true}]}
            """);

        var sqlite = CriteriaSql.Compile(tree, SqlDialect.Sqlite, Now).Parameters.Select(p => p.Value).ToList();
        sqlite.ShouldContain(125_000L);
        sqlite.ShouldContain(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        sqlite.ShouldContain(id.ToString().ToUpperInvariant());
        sqlite.ShouldContain(1L);

        var postgres = CriteriaSql.Compile(tree, SqlDialect.Postgres, Now).Parameters.Select(p => p.Value).ToList();
        postgres.ShouldContain(12.5m);
        postgres.ShouldContain(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        postgres.ShouldContain(id);
        postgres.ShouldContain(true);
    }

    [Fact]
    public void Within_last_days_counts_back_from_now()
    {
        var compiled = CriteriaSql.Compile(Tree("""{"event":"login","op":"none","withinLastDays":30}"""), SqlDialect.Postgres, Now);

        compiled.Sql.ShouldStartWith("NOT EXISTS (SELECT 1 FROM contact_events");
        compiled.Parameters.Select(p => p.Value).ShouldContain(Now.AddDays(-30));
    }

    [Theory]
    [InlineData("""{"field":"tags","op":"eq","value":"vip"}""", "c.id IN (SELECT tg0.contact_id FROM contact_tags tg0 WHERE tg0.tenant_id = ")]
    [InlineData("""{"field":"tags","op":"isNotSet"}""", "c.id NOT IN (SELECT tg0.contact_id FROM contact_tags tg0 WHERE tg0.tenant_id = ")]
    [InlineData("""{"event":"login","op":"none","withinLastDays":30}""", "c.id NOT IN (SELECT ev0.contact_id FROM contact_events ev0 WHERE ev0.tenant_id = ")]
    [InlineData("""{"field":"metrics.revenue","op":"gt","value":500}""", "c.id IN (SELECT m0.contact_id FROM contact_metrics m0 WHERE m0.tenant_id = ")]
    [InlineData("""{"field":"metrics.orders","op":"lt","value":2}""", "c.id NOT IN (SELECT m0.contact_id FROM contact_metrics m0 WHERE m0.tenant_id = ")]
    public void On_sqlite_with_a_tenant_row_conditions_are_in_lists_not_a_probe_per_contact(string json, string start)
    {
        var sqlite = CriteriaSql.Compile(Tree(json), SqlDialect.Sqlite, Now, tenantId: "TENANT").Sql;
        sqlite.ShouldStartWith(start);
        sqlite.ShouldNotContain("c.tenant_id");

        CriteriaSql.Compile(Tree(json), SqlDialect.Postgres, Now, tenantId: Guid.NewGuid()).Sql.ShouldContain("EXISTS (SELECT 1 FROM");
        CriteriaSql.Compile(Tree(json), SqlDialect.Sqlite, Now).Sql.ShouldContain("EXISTS (SELECT 1 FROM", customMessage: "without a tenant: correlated");
    }

    [Theory]
    [InlineData("before", true)]
    [InlineData("after", false)]
    public void On_sqlite_a_range_open_into_the_past_does_not_use_the_index(string op, bool noIndex)
    {
        var json = $$"""{"field":"createdAt","op":"{{op}}","value":"2026-01-01T00:00:00Z"}""";
        CriteriaSql.Compile(Tree(json), SqlDialect.Sqlite, Now).Sql.Contains("+c.created_at").ShouldBe(noIndex);
        CriteriaSql.Compile(Tree(json), SqlDialect.Postgres, Now).Sql.ShouldNotContain("+c.");
    }

    [Fact]
    public void Parameter_names_carry_the_prefix_and_are_unique()
    {
        var compiled = CriteriaSql.Compile(Tree("""{"any":[{"field":"country","op":"in","value":["RO","MD","BG"]},{"consent":"sms"}]}"""),
            SqlDialect.Sqlite, Now, "inc");

        compiled.Parameters.Select(p => p.Name).ShouldBe(["@inc0", "@inc1", "@inc2", "@inc3"]);
        compiled.Parameters.Select(p => p.Name).ShouldAllBe(n => compiled.Sql.Contains(n));
    }

    /// <summary>Property-style: random trees over every kind of condition, with random text as values, never put a value into SQL.</summary>
    [Fact]
    public void Random_criteria_trees_never_put_a_value_into_sql_text()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 300; round++)
        {
            var marker = "Zq" + random.Next(100_000, 999_999) + RandomText(random);
            var json = RandomNode(random, marker, depth: 0);
            var parsed = CriteriaParser.Parse(JsonDocument.Parse(json).RootElement, Catalogue);
            parsed.IsValid.ShouldBeTrue($"{json}: {string.Join("; ", parsed.Errors)}");
            foreach (var dialect in new[] { SqlDialect.Sqlite, SqlDialect.Postgres })
            {
                var compiled = CriteriaSql.Compile(parsed.Criterion!, dialect, Now);
                compiled.Sql.ShouldNotContain("Zq", customMessage: json);
                compiled.Sql.ShouldNotContain("'" + "'", customMessage: json);
            }
        }
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abc' \"--;/*%_\\$.()=OR";
        return new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static string RandomNode(Random random, string marker, int depth)
    {
        var text = JsonSerializer.Serialize(marker);
        var choice = depth >= 4 ? random.Next(3, 10) : random.Next(10);
        return choice switch
        {
            0 => $"{{\"all\":[{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, marker, depth + 1)))}]}}",
            1 => $"{{\"any\":[{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomNode(random, marker, depth + 1)))}]}}",
            2 => $"{{\"not\":{RandomNode(random, marker, depth + 1)}}}",
            3 => $"{{\"field\":\"{new[] { "email", "firstName", "city", "attributes.tier" }[random.Next(4)]}\",\"op\":\"{new[] { "eq", "neq", "contains" }[random.Next(3)]}\",\"value\":{text}}}",
            4 => $"{{\"field\":\"tags\",\"op\":\"in\",\"value\":[{text},{text}]}}",
            5 => $"{{\"field\":\"metrics.orders\",\"op\":\"between\",\"value\":[{random.Next(5)},{random.Next(5, 10)}]}}",
            6 => $"{{\"event\":{text},\"op\":\"{new[] { "countGte", "countLt" }[random.Next(2)]}\",\"value\":{random.Next(1, 5)},\"withinLastDays\":{random.Next(1, 100)},\"where\":[{{\"field\":\"p\",\"op\":\"eq\",\"value\":{text}}}]}}",
            7 => $"{{\"consent\":\"{ConsentWireNames.ChannelNames[random.Next(ConsentWireNames.ChannelNames.Count)]}\"}}",
            8 => $"{{\"segment\":\"{Guid.NewGuid()}\"}}",
            _ => $"{{\"field\":\"attributes.birthday\",\"op\":\"withinLastDays\",\"value\":{random.Next(1, 400)}}}",
        };
    }
}
