namespace BrandHub.Core.Content;

/// <summary>
/// Reads the variables a template part uses and checks its block structure, following Handlebars' scoping: inside
/// <c>#each</c> and <c>#with</c> paths are relative to the item (<c>this</c>), <c>../</c> climbs one scope,
/// <c>@root.</c> starts again at the top; <c>#if</c> and <c>#unless</c> do not change scope.
/// </summary>
public static class TemplateVariables
{
    /// <summary>Block helpers a template may use. Others fail on save rather than at send time.</summary>
    public static readonly IReadOnlyList<string> BlockHelpers = ["if", "unless", "each", "with"];

    /// <summary>Inline helpers with their argument count: <c>{{default contact.firstName "there"}}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, int> InlineHelpers = new Dictionary<string, int> { ["default"] = 2 };

    private static readonly string[] DataVariables = ["index", "key", "first", "last"];

    public sealed record Analysis(IReadOnlyList<UsedVariable> Used, IReadOnlyList<TemplateProblem> Problems);

    public static Analysis Analyse(string source)
    {
        var (tags, problems) = MustacheScanner.Scan(source);
        var used = new List<UsedVariable>();
        var scopes = new Stack<Scope>();
        scopes.Push(new Scope("", [], true, null, null));
        foreach (var tag in tags)
        {
            var top = scopes.Peek();
            switch (tag.Kind)
            {
                case MustacheKind.Comment: break;
                case MustacheKind.Raw:
                    problems.Add(new(tag.Position, "Triple braces and {{& …}} output unescaped values; use {{…}} (BrandHub escapes values in the HTML part only)"));
                    break;
                case MustacheKind.Unsupported:
                    problems.Add(new(tag.Position, $"{{{{{tag.Body}}}}} is not supported: partials and decorators are not available in email templates"));
                    break;
                case MustacheKind.BlockOpen:
                    Open(tag, scopes, used, problems);
                    break;
                case MustacheKind.InverseOpen:
                    Resolve(tag.Body, tag.Position, scopes, used, problems, VariableUse.Condition);
                    scopes.Push(new Scope("^" + tag.Body, top.Context, false, tag, null));
                    break;
                case MustacheKind.Else:
                    Else(tag, scopes, used, problems);
                    break;
                case MustacheKind.BlockClose:
                    Close(tag, scopes, problems);
                    break;
                case MustacheKind.Expression:
                    Expression(tag, scopes, used, problems);
                    break;
            }
        }
        while (scopes.Count > 1)
        {
            var open = scopes.Pop();
            problems.Add(new(open.Opened!.Position, $"{{{{#{open.Helper} …}}}} is never closed with {{{{/{open.Helper}}}}}"));
        }
        return new(used, problems);
    }

    private static void Open(MustacheTag tag, Stack<Scope> scopes, List<UsedVariable> used, List<TemplateProblem> problems)
    {
        var (helper, args, blockParams) = Split(tag.Body);
        var top = scopes.Peek();
        if (!BlockHelpers.Contains(helper))
        {
            problems.Add(new(tag.Position, $"Unknown block helper #{helper}: use {string.Join(", ", BlockHelpers.Select(h => "#" + h))}"));
            scopes.Push(new Scope(helper, top.Context, false, tag, null));
            return;
        }
        if (args.Count != 1)
        {
            problems.Add(new(tag.Position, $"{{{{#{helper}}}}} takes exactly one variable"));
            scopes.Push(new Scope(helper, top.Context, false, tag, null));
            return;
        }
        var use = helper switch { "each" => VariableUse.Iterated, "with" => VariableUse.Scope, _ => VariableUse.Condition };
        var path = ResolvePath(args[0], tag.Position, scopes, problems);
        if (path is null) { scopes.Push(new Scope(helper, top.Context, false, tag, null)); return; }
        if (path.Count > 0) used.Add(new(path, use, tag.Position));
        if (helper is "if" or "unless") { scopes.Push(new Scope(helper, top.Context, false, tag, null)); return; }
        var context = helper == "each" ? [.. path, "[]"] : path;
        Dictionary<string, List<string>>? locals = null;
        if (blockParams.Count > 0)
        {
            if (helper != "each" || blockParams.Count > 2) problems.Add(new(tag.Position, "Block parameters are only supported as {{#each list as |item index|}}"));
            locals = new() { [blockParams[0]] = context };
            if (blockParams.Count > 1) locals[blockParams[1]] = []; // the index: a number, no variable
        }
        scopes.Push(new Scope(helper, context, true, tag, locals) { Outer = top.Context });
    }

    private static void Else(MustacheTag tag, Stack<Scope> scopes, List<UsedVariable> used, List<TemplateProblem> problems)
    {
        var top = scopes.Peek();
        if (top.Opened is null) { problems.Add(new(tag.Position, "{{else}} outside a block")); return; }
        if (top.Outer is { } outer) { top.Context = outer; top.ChangesContext = false; top.Locals = null; } // #each/#with's else renders in the outer scope
        if (tag.Body.Length == 0) return;
        var (helper, args, _) = Split(tag.Body);
        if (helper is not ("if" or "unless") || args.Count != 1) { problems.Add(new(tag.Position, "Only {{else if x}} and {{else unless x}} may follow else")); return; }
        var path = ResolvePath(args[0], tag.Position, scopes, problems);
        if (path is { Count: > 0 }) used.Add(new(path, VariableUse.Condition, tag.Position));
    }

    private static void Close(MustacheTag tag, Stack<Scope> scopes, List<TemplateProblem> problems)
    {
        var top = scopes.Peek();
        if (top.Opened is null) { problems.Add(new(tag.Position, $"{{{{/{tag.Body}}}}} closes nothing")); return; }
        var expected = top.Helper.StartsWith('^') ? top.Helper[1..] : top.Helper;
        if (tag.Body != expected)
            problems.Add(new(tag.Position, $"{{{{/{tag.Body}}}}} does not match {{{{{(top.Helper.StartsWith('^') ? "" : "#")}{top.Helper} …}}}} opened at {top.Opened.Position}"));
        scopes.Pop();
    }

    private static void Expression(MustacheTag tag, Stack<Scope> scopes, List<UsedVariable> used, List<TemplateProblem> problems)
    {
        if (tag.Body.Length == 0) { problems.Add(new(tag.Position, "Empty {{}}")); return; }
        var (head, args, _) = Split(tag.Body);
        if (args.Count == 0)
        {
            if (InlineHelpers.ContainsKey(head)) { problems.Add(new(tag.Position, $"{head} needs {InlineHelpers[head]} arguments")); return; }
            Resolve(head, tag.Position, scopes, used, problems, VariableUse.Value);
            return;
        }
        if (!InlineHelpers.TryGetValue(head, out var arity))
        {
            problems.Add(new(tag.Position, $"Unknown helper \"{head}\": the helpers are {string.Join(", ", InlineHelpers.Keys)}"));
            return;
        }
        if (args.Count != arity) problems.Add(new(tag.Position, $"{head} takes {arity} arguments"));
        foreach (var arg in args) Resolve(arg, tag.Position, scopes, used, problems, VariableUse.Value);
    }

    private static bool Resolve(string token, TemplatePosition at, Stack<Scope> scopes, List<UsedVariable> used, List<TemplateProblem> problems, VariableUse use)
    {
        var path = ResolvePath(token, at, scopes, problems);
        if (path is { Count: > 0 }) used.Add(new(path, use, at));
        return path is not null;
    }

    /// <summary>The absolute path a token reads; empty for literals and @index-style data; null when not valid.</summary>
    private static List<string>? ResolvePath(string token, TemplatePosition at, Stack<Scope> scopes, List<TemplateProblem> problems)
    {
        if (IsLiteral(token)) return [];
        if (token.StartsWith('(') || token.Contains('=') || token.Contains('['))
        {
            problems.Add(new(at, $"\"{token}\": sub-expressions, hash arguments and [segments] are not supported"));
            return null;
        }
        if (token.StartsWith("@root.", StringComparison.Ordinal) || token.StartsWith("@root/", StringComparison.Ordinal))
            return Segments(token[6..]);
        if (token.StartsWith('@'))
        {
            if (DataVariables.Contains(token[1..]) && scopes.Any(s => s.ChangesContext && s.Opened is not null)) return [];
            problems.Add(new(at, $"{token} is only available inside {{{{#each}}}} (@index, @key, @first, @last)"));
            return null;
        }
        var contexts = scopes.Where(s => s.ChangesContext).Select(s => s.Context).ToList(); // innermost first
        var depth = 0;
        var rest = token;
        while (rest.StartsWith("../", StringComparison.Ordinal)) { depth++; rest = rest[3..]; }
        if (depth >= contexts.Count)
        {
            problems.Add(new(at, $"\"{token}\" climbs above the top of the template"));
            return null;
        }
        var context = contexts[depth];
        if (rest is "this" or ".") return [.. context];
        if (rest.StartsWith("this.", StringComparison.Ordinal) || rest.StartsWith("this/", StringComparison.Ordinal)) return [.. context, .. Segments(rest[5..])];
        if (rest.StartsWith("./", StringComparison.Ordinal)) return [.. context, .. Segments(rest[2..])];
        var segments = Segments(rest);
        if (depth == 0)
            foreach (var scope in scopes)
                if (scope.Locals is not null && scope.Locals.TryGetValue(segments[0], out var local))
                    return local.Count == 0 && segments.Count == 1 ? [] : [.. local, .. segments.Skip(1)];
        return [.. context, .. segments];
    }

    private static List<string> Segments(string path) => path.Split('.', '/').ToList();

    private static bool IsLiteral(string token) =>
        token.StartsWith('"') || token.StartsWith('\'') || token is "true" or "false" or "null" or "undefined" ||
        double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Splits <c>each data.items as |item i|</c> into helper, arguments and block parameters, keeping quoted strings whole.</summary>
    private static (string Head, List<string> Args, List<string> BlockParams) Split(string body)
    {
        var blockParams = new List<string>();
        var asAt = body.IndexOf(" as |", StringComparison.Ordinal);
        if (asAt >= 0 && body.EndsWith('|'))
        {
            blockParams = body[(asAt + 5)..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            body = body[..asAt];
        }
        var tokens = new List<string>();
        var i = 0;
        while (i < body.Length)
        {
            if (char.IsWhiteSpace(body[i])) { i++; continue; }
            var start = i;
            if (body[i] is '"' or '\'')
            {
                var quote = body[i++];
                while (i < body.Length && body[i] != quote) i++;
                i = Math.Min(i + 1, body.Length);
            }
            else if (body[i] == '(')
            {
                var depth = 0;
                do { if (body[i] == '(') depth++; else if (body[i] == ')') depth--; i++; } while (i < body.Length && depth > 0);
            }
            else while (i < body.Length && !char.IsWhiteSpace(body[i])) i++;
            tokens.Add(body[start..i]);
        }
        return tokens.Count == 0 ? ("", [], blockParams) : (tokens[0], tokens.Skip(1).ToList(), blockParams);
    }

    private sealed class Scope(string helper, List<string> context, bool changesContext, MustacheTag? opened, Dictionary<string, List<string>>? locals)
    {
        public string Helper { get; } = helper;
        public List<string> Context { get; set; } = context;
        public bool ChangesContext { get; set; } = changesContext;
        public MustacheTag? Opened { get; } = opened;
        public Dictionary<string, List<string>>? Locals { get; set; } = locals;
        /// <summary>For #each/#with: the scope their {{else}} renders in.</summary>
        public List<string>? Outer { get; init; }
    }
}
