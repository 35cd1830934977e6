using System.Text.Json.Nodes;
using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class TemplateDataTests
{
    private static CompiledEmailTemplate Compile(string html, params DeclaredVariable[] variables)
    {
        var (template, errors) = CompiledEmailTemplate.Compile(new EmailTemplateSource("Hi", null, html, null, variables));
        errors.ShouldBeEmpty();
        return template!;
    }

    [Theory]
    [InlineData("""{"order":{"number":"A-1"}}""", "")]
    [InlineData("""{}""", "data.order.number")]
    [InlineData("""{"order":null}""", "data.order.number")]
    [InlineData("""{"order":{"number":null}}""", "data.order.number")]
    [InlineData("""{"order":{"number":0}}""", "")]
    [InlineData("""{"order":{"number":""}}""", "")]
    public void A_required_variable_missing_or_null_is_an_error_keyed_by_its_data_path(string data, string expected)
    {
        var template = Compile("{{data.order.number}}", new DeclaredVariable("order.number", true));
        string.Join('|', template.Validate(JsonNode.Parse(data)!.AsObject()).Keys).ShouldBe(expected);
    }

    [Fact]
    public void Optional_variables_may_be_missing()
    {
        Compile("{{data.coupon}}", new DeclaredVariable("coupon")).Validate(new JsonObject()).ShouldBeEmpty();
    }

    [Fact]
    public void A_required_field_of_list_items_is_checked_in_every_item()
    {
        var template = Compile("{{#each data.items}}{{name}}{{/each}}", new DeclaredVariable("items", true), new DeclaredVariable("items.name", true));
        template.Validate(JsonNode.Parse("""{"items":[{"name":"a"},{"name":"b"}]}""")!.AsObject()).ShouldBeEmpty();
        var errors = template.Validate(JsonNode.Parse("""{"items":[{"name":"a"},{"sku":"b"}]}""")!.AsObject());
        errors.Keys.ShouldBe(["data.items.name"]);
        errors["data.items.name"][0].ShouldContain("data.items[1].name");
    }

    [Theory]
    [InlineData("""{"items":"not a list"}""", "data.items")]
    [InlineData("""{"items":[1,2]}""", "")]
    [InlineData("""{"order":"A-1"}""", "data.order")]
    public void Values_must_have_the_shape_the_template_reads(string data, string expected)
    {
        var template = Compile("{{#each data.items}}{{this}}{{/each}}{{data.order.number}}", new DeclaredVariable("items"), new DeclaredVariable("order"));
        string.Join('|', template.Validate(JsonNode.Parse(data)!.AsObject()).Keys).ShouldBe(expected);
    }

    [Fact]
    public void Samples_build_the_preview_data()
    {
        var data = TemplateData.Sample([new("order.number", true, JsonValue.Create("A-1")), new("order.total", false, JsonValue.Create(12.5m)), new("items", false, JsonNode.Parse("[1]"))]);
        data.ToJsonString().ShouldBe("""{"items":[1],"order":{"number":"A-1","total":12.5}}""");
    }
}
