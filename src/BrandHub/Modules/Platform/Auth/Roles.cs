namespace BrandHub.Modules.Platform.Auth;

/// <summary>The team roles and the scopes each one grants. Endpoints declare scopes, never roles.</summary>
public static class Roles
{
    public const string Owner = "owner", Admin = "admin", Marketer = "marketer", Agent = "agent", Analyst = "analyst", Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Owner, Admin, Marketer, Agent, Analyst, Viewer];

    private static readonly string[] Read = [Scopes.ContactsRead, Scopes.AuditRead, Scopes.JobsRead, Scopes.DeliveriesRead, Scopes.TemplatesRead, Scopes.SegmentsRead, Scopes.CampaignsRead, Scopes.AnalyticsRead, Scopes.SeoRead];

    private static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [Owner] = Scopes.All.ToArray(),
        [Admin] = Scopes.All.ToArray(),
        [Marketer] = [.. Read, Scopes.ContactsWrite, Scopes.ConsentsWrite, Scopes.ImportsWrite, Scopes.IdentityWrite,
            Scopes.TemplatesWrite, Scopes.MessagesSend, Scopes.DeliveriesManage, Scopes.SegmentsWrite, Scopes.CampaignsWrite, Scopes.AnalyticsManage, Scopes.EventsTrack, Scopes.SeoWrite],
        [Agent] = [Scopes.ContactsRead, Scopes.ContactsWrite, Scopes.ConsentsWrite, Scopes.JobsRead, Scopes.DeliveriesRead, Scopes.TemplatesRead],
        [Analyst] = Read,
        [Viewer] = [Scopes.ContactsRead, Scopes.DeliveriesRead, Scopes.TemplatesRead, Scopes.SegmentsRead, Scopes.CampaignsRead],
    };

    public static bool IsKnown(string? role) => role is not null && Grants.ContainsKey(role);

    public static IReadOnlyList<string> ScopesOf(string role) => Grants.TryGetValue(role, out var s) ? s : [];
}

/// <summary>Fine-grained permissions. Each endpoint requires exactly one.</summary>
public static class Scopes
{
    public const string ContactsRead = "contacts:read", ContactsWrite = "contacts:write", ContactsErase = "contacts:erase",
        ConsentsWrite = "consents:write", ImportsWrite = "imports:write", IdentityWrite = "identity:write",
        AuditRead = "audit:read", UsersManage = "users:manage", ApiKeysManage = "apikeys:manage",
        TenantManage = "tenant:manage", JobsRead = "jobs:read", JobsManage = "jobs:manage",
        DeliveriesRead = "deliveries:read", DeliveriesManage = "deliveries:manage", MessagesSend = "messages:send",
        TemplatesRead = "templates:read", TemplatesWrite = "templates:write", ChannelsManage = "channels:manage",
        SegmentsRead = "segments:read", SegmentsWrite = "segments:write", CampaignsRead = "campaigns:read", CampaignsWrite = "campaigns:write",
        AnalyticsRead = "analytics:read", AnalyticsManage = "analytics:manage", EventsTrack = "events:track",
        SeoRead = "seo:read", SeoWrite = "seo:write";

    public static readonly IReadOnlyList<string> All =
    [
        ContactsRead, ContactsWrite, ContactsErase, ConsentsWrite, ImportsWrite, IdentityWrite,
        AuditRead, UsersManage, ApiKeysManage, TenantManage, JobsRead, JobsManage,
        DeliveriesRead, DeliveriesManage, MessagesSend, TemplatesRead, TemplatesWrite, ChannelsManage, SegmentsRead, SegmentsWrite, CampaignsRead, CampaignsWrite,
        AnalyticsRead, AnalyticsManage, EventsTrack, SeoRead, SeoWrite,
    ];

    public static string Policy(string scope) => "scope:" + scope;
}
