using System.Text.Json;
using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class AttributeValueTests
{
    // Canonical values as text so one table can hold strings, numbers, booleans and dates:
    // "s:" string, "n:" decimal (invariant), "b:" bool, "null" for no value.
    [Theory]
    [InlineData(AttributeType.String, "Gold member", "s:Gold member")]
    [InlineData(AttributeType.String, "  padded  ", "s:padded")]
    [InlineData(AttributeType.String, "Ștefan cel Mare", "s:Ștefan cel Mare")]
    [InlineData(AttributeType.String, "", "null")]
    [InlineData(AttributeType.String, "   ", "null")]
    [InlineData(AttributeType.Number, "42", "n:42")]
    [InlineData(AttributeType.Number, "-12.5", "n:-12.5")]
    [InlineData(AttributeType.Number, "1.50", "n:1.5")]
    [InlineData(AttributeType.Number, "0.000", "n:0")]
    [InlineData(AttributeType.Number, "1e3", "n:1000")]
    [InlineData(AttributeType.Number, " 7 ", "n:7")]
    [InlineData(AttributeType.Number, "", "null")]
    [InlineData(AttributeType.Bool, "true", "b:True")]
    [InlineData(AttributeType.Bool, "FALSE", "b:False")]
    [InlineData(AttributeType.Bool, "Yes", "b:True")]
    [InlineData(AttributeType.Bool, "no", "b:False")]
    [InlineData(AttributeType.Bool, "1", "b:True")]
    [InlineData(AttributeType.Bool, "0", "b:False")]
    [InlineData(AttributeType.Date, "2024-02-29", "s:2024-02-29")]
    [InlineData(AttributeType.Date, "2024-03-31T10:00:00Z", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "2024-03-31T23:30:00-05:00", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "2024-03-31T00:30:00+03:00", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "2024-03-31T10:00:00.1234567+02:00", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "2024-03-31T10:00", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "2024-03-31 10:00:00", "s:2024-03-31")]
    [InlineData(AttributeType.Date, "", "null")]
    public void Csv_text_is_coerced_to_the_declared_type(AttributeType type, string raw, string expected)
    {
        AttributeValue.TryCoerce(type, raw, out var value, out var error).ShouldBeTrue(error);
        Describe(value).ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(AttributeType.Number, "1,5", "decimal separator")]
    [InlineData(AttributeType.Number, "1,234.50", "decimal separator")]
    [InlineData(AttributeType.Number, "twelve", "not a number")]
    [InlineData(AttributeType.Number, "NaN", "not a number")]
    [InlineData(AttributeType.Number, "1e400", "not a number")]
    [InlineData(AttributeType.Number, "0x1F", "not a number")]
    [InlineData(AttributeType.Bool, "maybe", "yes/no")]
    [InlineData(AttributeType.Bool, "2", "yes/no")]
    [InlineData(AttributeType.Bool, "da", "yes/no")]
    [InlineData(AttributeType.Date, "2024-02-30", "not a date")]
    [InlineData(AttributeType.Date, "2023-02-29", "not a date")]
    [InlineData(AttributeType.Date, "31/03/2024", "not a date")]
    [InlineData(AttributeType.Date, "03/31/2024", "not a date")]
    [InlineData(AttributeType.Date, "2024-3-31", "not a date")]
    [InlineData(AttributeType.Date, "20240331", "not a date")]
    [InlineData(AttributeType.Date, "2024-03-31T25:00:00Z", "not a date")]
    [InlineData(AttributeType.Date, "yesterday", "not a date")]
    public void Text_that_does_not_fit_the_type_is_rejected(AttributeType type, string raw, string messagePart)
    {
        AttributeValue.TryCoerce(type, raw, out var value, out var error).ShouldBeFalse();
        value.ShouldBeNull();
        error.ShouldContain(messagePart, Case.Insensitive);
    }

    [Theory]
    [InlineData(AttributeType.String, "\"Gold\"", "s:Gold")]
    [InlineData(AttributeType.String, "12345", "s:12345")]
    [InlineData(AttributeType.String, "true", "s:true")]
    [InlineData(AttributeType.String, "null", "null")]
    [InlineData(AttributeType.Number, "12.50", "n:12.5")]
    [InlineData(AttributeType.Number, "-3", "n:-3")]
    [InlineData(AttributeType.Number, "\"19.99\"", "n:19.99")]
    [InlineData(AttributeType.Number, "null", "null")]
    [InlineData(AttributeType.Bool, "true", "b:True")]
    [InlineData(AttributeType.Bool, "false", "b:False")]
    [InlineData(AttributeType.Bool, "1", "b:True")]
    [InlineData(AttributeType.Bool, "0", "b:False")]
    [InlineData(AttributeType.Bool, "\"yes\"", "b:True")]
    [InlineData(AttributeType.Date, "\"1990-05-17\"", "s:1990-05-17")]
    [InlineData(AttributeType.Date, "\"1990-05-17T08:00:00+03:00\"", "s:1990-05-17")]
    [InlineData(AttributeType.Date, "null", "null")]
    public void Api_json_is_coerced_to_the_declared_type(AttributeType type, string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        AttributeValue.TryCoerce(type, document.RootElement, out var value, out var error).ShouldBeTrue(error);
        Describe(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData(AttributeType.String, "{\"a\":1}", "object")]
    [InlineData(AttributeType.String, "[1,2]", "array")]
    [InlineData(AttributeType.Number, "true", "Expected a number")]
    [InlineData(AttributeType.Number, "\"1,5\"", "decimal separator")]
    [InlineData(AttributeType.Number, "1e400", "out of range")]
    [InlineData(AttributeType.Bool, "2", "yes/no")]
    [InlineData(AttributeType.Bool, "\"perhaps\"", "yes/no")]
    [InlineData(AttributeType.Date, "19900517", "Expected a date")]
    [InlineData(AttributeType.Date, "true", "Expected a date")]
    [InlineData(AttributeType.Date, "\"17.05.1990\"", "not a date")]
    public void Json_that_does_not_fit_the_type_is_rejected(AttributeType type, string json, string messagePart)
    {
        using var document = JsonDocument.Parse(json);
        AttributeValue.TryCoerce(type, document.RootElement, out var value, out var error).ShouldBeFalse();
        value.ShouldBeNull();
        error.ShouldContain(messagePart, Case.Insensitive);
    }

    [Fact]
    public void String_values_are_limited_to_1000_characters()
    {
        AttributeValue.TryCoerce(AttributeType.String, new string('x', 1000), out var fits, out _).ShouldBeTrue();
        ((string)fits!).Length.ShouldBe(1000);
        AttributeValue.TryCoerce(AttributeType.String, new string('x', 1001), out _, out var error).ShouldBeFalse();
        error.ShouldContain("1000");
    }

    [Fact]
    public void Numbers_coerce_the_same_from_csv_and_from_json()
    {
        // Property: for random decimals the CSV text and the JSON number give the same canonical value,
        // and formatting that value back in invariant culture round-trips.
        var random = new Random(1000);
        for (var i = 0; i < 500; i++)
        {
            var number = Math.Round((decimal)(random.NextDouble() * 2_000_000 - 1_000_000), random.Next(0, 6));
            var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);

            AttributeValue.TryCoerce(AttributeType.Number, text, out var fromCsv, out _).ShouldBeTrue(text);
            using var document = JsonDocument.Parse(text);
            AttributeValue.TryCoerce(AttributeType.Number, document.RootElement, out var fromJson, out _).ShouldBeTrue(text);

            fromCsv.ShouldBeOfType<decimal>().ShouldBe(number);
            fromJson.ShouldBe(fromCsv);
            ((decimal)fromCsv!).ToString(System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(((decimal)fromJson!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("string", AttributeType.String)]
    [InlineData("number", AttributeType.Number)]
    [InlineData("bool", AttributeType.Bool)]
    [InlineData("date", AttributeType.Date)]
    [InlineData("DATE", AttributeType.Date)]
    public void Type_wire_names_round_trip(string wire, AttributeType type)
    {
        AttributeValue.TryParseType(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(type);
        AttributeValue.Format(type).ShouldBe(wire.ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("boolean")]
    [InlineData("int")]
    [InlineData("datetime")]
    public void Unknown_type_names_are_rejected(string? wire)
    {
        AttributeValue.TryParseType(wire, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("loyalty_tier", true)]
    [InlineData("score2", true)]
    [InlineData("x_", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Tier", false)]
    [InlineData("2tier", false)]
    [InlineData("_tier", false)]
    [InlineData("loyalty-tier", false)]
    [InlineData("loyalty tier", false)]
    [InlineData("tier\n", false)]
    [InlineData("țară", false)]
    public void Attribute_names_are_lower_case_snake_case(string? name, bool valid)
    {
        AttributeValue.IsValidName(name).ShouldBe(valid);
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void Attribute_names_are_at_most_63_characters(int length, bool valid)
    {
        AttributeValue.IsValidName("a" + new string('b', length - 1)).ShouldBe(valid);
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "s:" + s,
        decimal d => "n:" + d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool b => "b:" + b,
        _ => throw new InvalidOperationException($"Unexpected canonical type {value.GetType()}"),
    };
}
