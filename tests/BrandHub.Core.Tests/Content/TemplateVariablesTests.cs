using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class TemplateVariablesTests
{
    [Theory]
    [InlineData("Hi {{contact.firstName}}", "contact.firstName")]
    [InlineData("{{ data.order.number }}", "data.order.number")]
    [InlineData("{{~data.x~}}", "data.x")]
    [InlineData("{{#if data.vip}}VIP{{/if}}", "data.vip")]
    [InlineData("{{#each data.items}}{{this.name}}{{/each}}", "data.items|data.items[].name")]
    [InlineData("{{#each data.items}}{{name}} {{@index}}{{/each}}", "data.items|data.items[].name")]
    [InlineData("{{#each data.items}}{{this}}{{/each}}", "data.items|data.items[]")]
    [InlineData("{{#each data.items}}{{../contact.firstName}}{{/each}}", "data.items|contact.firstName")]
    [InlineData("{{#each data.items}}{{#if this.onSale}}{{../tenant.name}}{{/if}}{{/each}}", "data.items|data.items[].onSale|tenant.name")]
    [InlineData("{{#each data.items}}{{@root.links.unsubscribeUrl}}{{/each}}", "data.items|links.unsubscribeUrl")]
    [InlineData("{{#with data.order}}{{number}}{{/with}}", "data.order|data.order.number")]
    [InlineData("{{#each data.items as |item i|}}{{item.sku}}{{i}}{{/each}}", "data.items|data.items[].sku")]
    [InlineData("{{#each data.items}}x{{else}}{{contact.email}}{{/each}}", "data.items|contact.email")]
    [InlineData("{{#if data.a}}a{{else if data.b}}b{{else}}c{{/if}}", "data.a|data.b")]
    [InlineData("{{default contact.firstName \"there\"}}", "contact.firstName")]
    [InlineData("{{!-- {{data.ignored}} --}}{{! data.also }}", "")]
    [InlineData("\\{{data.literal}}", "")]
    public void Finds_every_variable_a_template_reads_with_item_paths_relative_to_the_item(string template, string expected)
    {
        var analysis = TemplateVariables.Analyse(template);
        analysis.Problems.ShouldBeEmpty();
        string.Join('|', analysis.Used.Select(u => u.Path)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("{{#if data.x}}open", "never closed", 1, 1)]
    [InlineData("line\n  {{/if}}", "closes nothing", 2, 3)]
    [InlineData("{{#if data.x}}{{/each}}", "does not match", 1, 15)]
    [InlineData("{{data.x", "never closed", 1, 1)]
    [InlineData("{{{data.html}}}", "unescaped", 1, 1)]
    [InlineData("{{& data.html}}", "unescaped", 1, 1)]
    [InlineData("{{> footer}}", "partials", 1, 1)]
    [InlineData("{{#repeat data.x}}{{/repeat}}", "Unknown block helper", 1, 1)]
    [InlineData("{{upper contact.firstName}}", "Unknown helper", 1, 1)]
    [InlineData("{{#if}}{{/if}}", "exactly one", 1, 1)]
    [InlineData("{{@index}}", "only available inside", 1, 1)]
    [InlineData("{{../contact.firstName}}", "climbs above", 1, 1)]
    [InlineData("{{else}}", "outside a block", 1, 1)]
    [InlineData("{{default (lookup data x) \"y\"}}", "sub-expressions", 1, 1)]
    public void Syntax_errors_name_the_problem_and_its_position(string template, string message, int line, int column)
    {
        var problem = TemplateVariables.Analyse(template).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain(message);
        problem.Position.ShouldBe(new TemplatePosition(line, column));
    }
}
