using System.Globalization;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace BrandHub.Core.Content;

/// <summary>
/// The two Handlebars.Net environments templates compile in: one that HTML-escapes values (the HTML part) and one that
/// does not (subject, preheader, text). Both know the <c>default</c> helper, print numbers invariantly and booleans as
/// JSON does. Compiled templates are thread-safe; compiling is serialised because it is rare and the environment's
/// caches are shared.
/// </summary>
internal static class HandlebarsEnvironments
{
    public static readonly IHandlebars Html = Create(escape: true);
    public static readonly IHandlebars Text = Create(escape: false);
    public static readonly object CompileLock = new();

    private static IHandlebars Create(bool escape)
    {
        var config = new HandlebarsConfiguration { NoEscape = !escape, FormatProvider = CultureInfo.InvariantCulture };
        config.FormatterProviders.Add(new JsonBooleans());
        var env = Handlebars.Create(config);
        env.RegisterHelper("default", (EncodedTextWriter output, Context _, Arguments args) =>
        {
            var value = args.Length > 0 ? args[0] : null;
            output.Write(IsEmpty(value) && args.Length > 1 ? args[1] : value);
        });
        return env;
    }

    private static bool IsEmpty(object? value) => value is null or UndefinedBindingResult || value is string { Length: 0 } || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>true/false rather than .NET's True/False.</summary>
    private sealed class JsonBooleans : IFormatterProvider, IFormatter
    {
        public bool TryCreateFormatter(Type type, out IFormatter formatter)
        {
            formatter = this;
            return type == typeof(bool);
        }

        public void Format<T>(T value, in EncodedTextWriter writer) => writer.Write(value is true ? "true" : "false", false);
    }
}
