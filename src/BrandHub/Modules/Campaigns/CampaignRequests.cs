using System.Text.Json;
using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Campaigns;
using BrandHub.Core.Scheduling;

namespace BrandHub.Modules.Campaigns;

/// <summary>Who the campaign is for: members of any of <see cref="SegmentIds"/>, minus members of any excluded segment.</summary>
public sealed record CampaignAudience(IReadOnlyList<Guid>? SegmentIds = null, IReadOnlyList<Guid>? ExcludeSegmentIds = null)
{
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<Guid> Include => SegmentIds ?? [];
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<Guid> Exclude => ExcludeSegmentIds ?? [];

    public static CampaignAudience Parse(string json) => JsonSerializer.Deserialize<CampaignAudience>(json, CampaignJson.Options) ?? new();
}

/// <summary>Create or edit a campaign. On PATCH, absent fields keep their values.</summary>
public sealed record CampaignRequest(string? Name = null, string? Goal = null, string? Description = null, string? Timezone = null,
    CampaignAudience? Audience = null, decimal? Budget = null, string? Currency = null, Dictionary<string, decimal>? Costs = null);

/// <summary>A step: a channel, its content (one variant) or its A/B variants, an optional holdout and delay.</summary>
/// <param name="Content">Channel content for a single-variant step (email: subject, html, text, preheader).</param>
/// <param name="TemplateId">A stored template instead of inline content (email).</param>
public sealed record StepRequest(string? Channel = null, string? Name = null, JsonObject? Content = null, Guid? TemplateId = null,
    IReadOnlyList<VariantRequest>? Variants = null, decimal? HoldoutPercent = null, int? DelayMinutes = null);

public sealed record VariantRequest(string? Name = null, int? Weight = null, JsonObject? Content = null, Guid? TemplateId = null);

/// <summary>
/// When to send: <c>{"kind":"at","at":"2026-12-01T09:00"}</c> (campaign zone), <c>{"kind":"recipientLocal","date":"2026-12-01","time":"09:00"}</c>
/// (each recipient's zone) or <c>{"kind":"recurring","cron":"0 9 * * MON","until":"2027-03-01T00:00:00Z"}</c>.
/// </summary>
public sealed record ScheduleRequest(string? Kind = null, string? At = null, string? Date = null, string? Time = null, string? Cron = null,
    DateTimeOffset? Until = null)
{
    public static readonly string[] Kinds = ["at", "recipientLocal", "recurring"];

    public CampaignSchedule? Read(ICollection<FieldError> errors)
    {
        switch (Kind)
        {
            case "at":
                if (At is null || !DateTime.TryParseExact(At, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out var at))
                {
                    errors.Add(new("at", "A local date and time like 2026-12-01T09:00 (no offset: it is read in the campaign's time zone) is required."));
                    return null;
                }
                return new CampaignSchedule.At(at);
            case "recipientLocal":
                var okDate = DateOnly.TryParseExact(Date, "yyyy-MM-dd", out var date);
                var okTime = QuietHoursTime(Time, out var time);
                if (!okDate) errors.Add(new("date", "A date like 2026-12-01 is required."));
                if (!okTime) errors.Add(new("time", "A time like 09:00 is required."));
                return okDate && okTime ? new CampaignSchedule.RecipientLocal(date, time) : null;
            case "recurring":
                if (!CronSchedule.TryParse(Cron ?? "", out var cron, out var error))
                {
                    errors.Add(new("cron", $"A cron expression (minute hour day month weekday) is required: {error}"));
                    return null;
                }
                return new CampaignSchedule.Recurring(cron!, Until);
            default:
                errors.Add(new("kind", $"Kind must be one of: {string.Join(", ", Kinds)}."));
                return null;
        }
    }

    private static bool QuietHoursTime(string? s, out TimeOnly time) => Core.Delivery.QuietHours.TryParseTime(s, out time);
}

public sealed record CommentRequest(string? Body = null, Guid? ParentId = null);

public sealed record RoleRequest(Guid? UserId = null, string? Role = null);

public sealed record FromTemplateRequest(string? TemplateId = null, string? Name = null, string? Timezone = null);

public sealed record SaveAsTemplateRequest(string? Name = null, string? Niche = null);

internal static class CampaignJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
