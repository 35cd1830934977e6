using System.Text.Json;
using BrandHub.Core.Audience;
using BrandHub.Core.Segments;

namespace BrandHub.Core.Tests.Segments;

public sealed class CriteriaParserTests
{
    private static readonly FieldCatalogue Catalogue = new(new Dictionary<string, AttributeType>
    {
        ["tier"] = AttributeType.String, ["points"] = AttributeType.Number, ["vip"] = AttributeType.Bool, ["birthday"] = AttributeType.Date,
    });

    private static ParsedCriteria Parse(string json) => CriteriaParser.Parse(JsonDocument.Parse(json).RootElement, Catalogue);

    [Theory]
    [InlineData("""{"field":"shoeSize","op":"eq","value":"42"}""", "criteria.field", "Unknown field")]
    [InlineData("""{"all":[{"field":"email","op":"eq","value":"a@b.c"},{"field":"metrics.orders","op":"contains","value":"x"}]}""", "criteria.all[1].op", "does not apply")]
    [InlineData("""{"field":"attributes.nope","op":"eq","value":"x"}""", "criteria.field", "Unknown attribute")]
    [InlineData("""{"field":"metrics.lifetime","op":"gt","value":1}""", "criteria.field", "Unknown metric")]
    [InlineData("""{"field":"createdAt","op":"eq","value":"2026-01-01"}""", "criteria.op", "does not apply")]
    [InlineData("""{"field":"email","op":"like","value":"x"}""", "criteria.op", "Unknown operator")]
    [InlineData("""{"field":"metrics.orders","op":"gt","value":"two"}""", "criteria.value", "Expected a number")]
    [InlineData("""{"field":"attributes.vip","op":"eq","value":"yes"}""", "criteria.value", "true or false")]
    [InlineData("""{"field":"attributes.birthday","op":"before","value":"01/02/2026"}""", "criteria.value", "yyyy-MM-dd")]
    [InlineData("""{"field":"createdAt","op":"after","value":"yesterday"}""", "criteria.value", "ISO 8601")]
    [InlineData("""{"field":"email","op":"eq"}""", "criteria.value", "required")]
    [InlineData("""{"field":"email","op":"isSet","value":"x"}""", "criteria.value", "takes no value")]
    [InlineData("""{"field":"metrics.revenue","op":"between","value":[500,100]}""", "criteria.value", "must not be after")]
    [InlineData("""{"field":"metrics.revenue","op":"between","value":[1]}""", "criteria.value", "Two values")]
    [InlineData("""{"field":"country","op":"in","value":[]}""", "criteria.value", "A list")]
    [InlineData("""{"field":"lifecycleStage","op":"eq","value":"whale"}""", "criteria.value", "one of")]
    [InlineData("""{"field":"metrics.lastSeenAt","op":"withinLastDays","value":0}""", "criteria.value", "days")]
    [InlineData("""{"segment":"not-a-uuid"}""", "criteria.segment", "UUID")]
    [InlineData("""{"consent":"fax"}""", "criteria.consent", "one of")]
    [InlineData("""{"event":"purchase","op":"countGte"}""", "criteria.value", "How many")]
    [InlineData("""{"event":"purchase","op":"often","value":2}""", "criteria.op", "Event operators")]
    [InlineData("""{"event":"purchase","op":"none","withinLastDays":-1}""", "criteria.withinLastDays", "days")]
    [InlineData("""{"event":"purchase","op":"countGte","value":1,"where":[{"field":"sku;drop","op":"eq","value":"x"}]}""", "criteria.where[0].field", "Property names")]
    [InlineData("""{"event":"purchase","op":"countGte","value":1,"where":[{"field":"total","op":"gt","value":"big"}]}""", "criteria.where[0].value", "number")]
    [InlineData("""{"any":[{"not":{"field":"email","op":"eq","value":1}}]}""", "criteria.any[0].not.value", "Expected text")]
    [InlineData("""{"all":[],"any":[]}""", "criteria", "One criterion per object")]
    [InlineData("""{"field":"email","op":"eq","value":"x","extra":1}""", "criteria.extra", "Unknown key")]
    [InlineData("""[1,2]""", "criteria", "A criterion is an object")]
    [InlineData("""{}""", "criteria", "Say what")]
    public void Invalid_criteria_are_reported_at_their_json_path(string json, string path, string message)
    {
        var parsed = Parse(json);

        parsed.IsValid.ShouldBeFalse();
        parsed.Errors.ShouldContain(e => e.Field == path && e.Message.Contains(message), string.Join("; ", parsed.Errors));
    }

    [Fact]
    public void Criteria_nested_more_than_ten_levels_are_refused()
    {
        var json = "{\"field\":\"email\",\"op\":\"isSet\"}";
        for (var i = 0; i < 10; i++) json = $"{{\"not\":{json}}}";

        var parsed = Parse(json);

        parsed.Errors.ShouldContain(e => e.Message.Contains("at most 10 levels"));
    }

    [Fact]
    public void Ten_levels_are_fine()
    {
        var json = "{\"field\":\"email\",\"op\":\"isSet\"}";
        for (var i = 0; i < 9; i++) json = $"{{\"all\":[{json}]}}";

        Parse(json).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_full_tree_parses_with_typed_values_and_its_segment_references()
    {
        var id = Guid.NewGuid();
        var parsed = Parse($$$"""
            {"all":[
              {"field":"country","op":"in","value":["ro","md"]},
              {"field":"attributes.points","op":"between","value":[10,20.5]},
              {"field":"metrics.lastOrderAt","op":"after","value":"2026-01-31"},
              {"consent":"email"},
              {"event":"purchase","op":"countGte","value":2,"withinLastDays":90,"where":[{"field":"revenue","op":"gte","value":50}]},
              {"not":{"segment":"{{{id}}}"}}
            ]}
            """);

        parsed.IsValid.ShouldBeTrue(string.Join("; ", parsed.Errors));
        var all = parsed.Criterion.ShouldBeOfType<AllOf>();
        all.Items[0].ShouldBeOfType<FieldCondition>().Values.ShouldBe(["RO", "MD"]);
        all.Items[1].ShouldBeOfType<FieldCondition>().Values.ShouldBe([10m, 20.5m]);
        all.Items[2].ShouldBeOfType<FieldCondition>().Values[0].ShouldBe(new InstantRange(
            new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        all.Items[3].ShouldBe(new ConsentCondition(ConsentChannel.Email));
        var e = all.Items[4].ShouldBeOfType<EventCondition>();
        (e.Name, e.Op, e.Count, e.WithinLastDays, e.Where.Single().Property).ShouldBe(("purchase", EventOperator.CountGte, 2, (int?)90, (string?)null));
        parsed.References.ShouldBe([new SegmentReference(id, "criteria.all[5].not.segment")]);
    }
}
