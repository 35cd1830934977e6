using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BrandHub.Core;
using BrandHub.Core.Content;

namespace BrandHub.Modules.Content.Templates;

/// <summary>
/// Compiled templates shared by every request and worker of the process: a stored version is compiled once (versions
/// never change, so entries never go stale), inline content once per distinct content (keyed by its hash). Bounded by
/// dropping everything when full — recompiling is cheap next to unbounded memory.
/// </summary>
public sealed class CompiledTemplates
{
    private const int Capacity = 2_000;
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Template, int Version), CompiledEmailTemplate> _versions = new();
    private readonly ConcurrentDictionary<string, CompiledEmailTemplate> _inline = new(StringComparer.Ordinal);

    public (CompiledEmailTemplate? Template, IReadOnlyList<FieldError> Errors) Version(Guid tenantId, EmailTemplateVersion version)
    {
        var key = (tenantId, version.TemplateId, version.Version);
        if (_versions.TryGetValue(key, out var hit)) return (hit, []);
        var source = new EmailTemplateSource(version.Subject, version.Preheader, version.Html, version.Text,
            TemplateVariableList.Declared(TemplateVariableList.Parse(version.VariablesJson)));
        var (compiled, errors) = CompiledEmailTemplate.Compile(source);
        if (compiled is null) return (null, errors);
        if (_versions.Count >= Capacity) _versions.Clear();
        return (_versions.GetOrAdd(key, compiled), []);
    }

    public (CompiledEmailTemplate? Template, IReadOnlyList<FieldError> Errors) Inline(EmailTemplateSource source)
    {
        var key = Hash(source);
        if (_inline.TryGetValue(key, out var hit)) return (hit, []);
        var (compiled, errors) = CompiledEmailTemplate.Compile(source);
        if (compiled is null) return (null, errors);
        if (_inline.Count >= Capacity) _inline.Clear();
        return (_inline.GetOrAdd(key, compiled), []);
    }

    private static string Hash(EmailTemplateSource s)
    {
        var text = string.Join('\0', s.Subject, s.Preheader ?? "\u0001", s.Html, s.Text ?? "\u0001",
            string.Join('\u0002', s.Variables.Select(v => $"{v.Name}\u0003{v.Required}")));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
