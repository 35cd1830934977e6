using System.Text.RegularExpressions;

namespace BrandHub.Core.Tracking;

/// <summary>UTM parameters of one link or visit.</summary>
public sealed record UtmParameters(string? Source, string? Medium, string? Campaign, string? Term = null, string? Content = null)
{
    public string? this[string field] => field switch
    {
        "source" => Source, "medium" => Medium, "campaign" => Campaign, "term" => Term, "content" => Content, _ => null,
    };
}

/// <summary>One broken naming rule, with the value that would comply when there is an obvious one.</summary>
/// <param name="Rule">required, lower_case, separator, allowed_source, allowed_medium, campaign_pattern, length.</param>
public sealed record UtmViolation(string Field, string Rule, string Message, string? Suggestion);

/// <summary>
/// A tenant's UTM naming rules: which sources and mediums are allowed (empty: any), lower case, one word separator,
/// required fields, and a campaign naming pattern. Consistent names are what keeps "Email", "email" and "e-mail" from
/// being three sources in every report.
/// </summary>
/// <param name="CampaignPattern">A regular expression campaign names must match, e.g. <c>^\d{4}-\d{2}-[a-z0-9-]+$</c>.</param>
/// <param name="CampaignPatternHint">How to read the pattern, shown with the violation (e.g. "yyyy-mm-name").</param>
public sealed record UtmRules(
    IReadOnlyList<string> AllowedSources, IReadOnlyList<string> AllowedMediums, bool LowerCase, char Separator,
    IReadOnlyList<string> Required, string? CampaignPattern, string? CampaignPatternHint)
{
    public static readonly IReadOnlyList<string> Fields = ["source", "medium", "campaign", "term", "content"];

    public static readonly UtmRules Default = new([],
        ["email", "sms", "whatsapp", "push", "cpc", "paid_social", "display", "affiliate", "social", "referral", "qr"],
        LowerCase: true, Separator: '-', Required: ["source", "medium", "campaign"], CampaignPattern: null, CampaignPatternHint: null);

    public const int MaxLength = 100;

    /// <summary>Problems with the rules themselves.</summary>
    public IEnumerable<FieldError> Validate()
    {
        if (Separator is not ('-' or '_' or '.')) yield return new("separator", "One of '-', '_' or '.'.");
        foreach (var field in Required.Where(f => !Fields.Contains(f))) yield return new("required", $"'{field}' is not a UTM field ({string.Join(", ", Fields)}).");
        foreach (var (list, name) in new[] { (AllowedSources, "allowedSources"), (AllowedMediums, "allowedMediums") })
        {
            if (list.Count > 200) yield return new(name, "At most 200 values.");
            foreach (var value in list.Where(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxLength)) yield return new(name, $"Values are 1–{MaxLength} characters.");
            if (LowerCase && list.Any(v => v != v.ToLowerInvariant())) yield return new(name, "The rules ask for lower case: write the allowed values in lower case.");
        }
        if (CampaignPattern is { } pattern)
        {
            string? error = null;
            try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
            catch (ArgumentException e) { error = e.Message; }
            if (pattern.Length > 300) error = "At most 300 characters.";
            if (error is not null) yield return new("campaignPattern", $"Not a valid regular expression: {error}");
        }
    }
}
