using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class EmailTemplateCheckTests
{
    private static EmailTemplateSource Template(string html, string subject = "Hello", params DeclaredVariable[] variables) =>
        new(subject, null, html, null, variables);

    [Theory]
    [InlineData("{{contact.firstName}} {{contact.attributes.loyaltyTier}} {{links.unsubscribeUrl}} {{links.preferencesUrl}} {{tenant.name}}")]
    [InlineData("{{#with contact}}{{firstName}}{{/with}}")]
    [InlineData("{{data.order.number}} {{#each data.items}}{{this.name}} {{price}}{{/each}}")]
    [InlineData("{{#if data.order}}{{data.order.total}}{{/if}}")]
    public void Built_in_and_declared_variables_are_accepted(string html)
    {
        var result = EmailTemplateCheck.Check(Template(html, "Order {{data.order.number}}", new DeclaredVariable("order"), new DeclaredVariable("items", true)));
        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{{data.ordr.number}}", "data.ordr.number", "declare \"ordr.number\"")]
    [InlineData("{{contact.frstName}}", "contact.frstName", "the contact fields are")]
    [InlineData("{{links.homepage}}", "links.homepage", "unsubscribeUrl")]
    [InlineData("{{firstName}}", "firstName", "paths start with")]
    public void An_unknown_variable_is_an_error_naming_it_and_where_it_is(string html, string variable, string hint)
    {
        var result = EmailTemplateCheck.Check(Template("<p>\n  " + html + "</p>", "Hi", new DeclaredVariable("items")));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("html");
        error.Message.ShouldContain($"\"{variable}\"");
        error.Message.ShouldContain("line 2");
        error.Message.ShouldContain(hint);
    }

    [Fact]
    public void Item_paths_outside_a_declared_list_name_the_missing_declaration()
    {
        var result = EmailTemplateCheck.Check(Template("{{#each data.items}}{{contact.firstName}}{{/each}}", "Hi", new DeclaredVariable("items.name")));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("declare \"items.contact.firstName\"");
    }

    [Fact]
    public void Each_part_reports_its_own_errors()
    {
        var source = new EmailTemplateSource("Hi {{data.nope}}", "{{#if x}}", "<p>ok</p>", "{{contact.nope}}", []);
        var fields = EmailTemplateCheck.Check(source).Errors.Select(e => e.Field).Distinct().OrderBy(f => f);
        fields.ShouldBe(["preheader", "subject", "text"]);
    }

    [Theory]
    [InlineData("data-order")]
    [InlineData("order..number")]
    [InlineData("1st")]
    [InlineData("")]
    public void Declarations_must_be_dotted_names_of_letters_digits_and_underscores(string name)
    {
        var errors = EmailTemplateCheck.Check(Template("<p>x</p>", "Hi", new DeclaredVariable(name))).Errors;
        errors.ShouldHaveSingleItem().Field.ShouldBe("variables[0].name");
    }

    [Fact]
    public void A_variable_declared_twice_is_an_error()
    {
        EmailTemplateCheck.Check(Template("<p>x</p>", "Hi", new DeclaredVariable("a"), new DeclaredVariable("a"))).Errors.ShouldHaveSingleItem().Field.ShouldBe("variables[1].name");
    }
}
