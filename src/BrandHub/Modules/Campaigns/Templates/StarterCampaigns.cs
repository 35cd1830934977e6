using System.Text.Json.Nodes;

namespace BrandHub.Modules.Campaigns.Templates;

/// <summary>A campaign to start from: goal, description and steps with ready content. Content is checked like any other when used.</summary>
public sealed record CampaignTemplate(string Id, string Niche, string Name, string Goal, string Description, IReadOnlyList<StepRequest> Steps);

/// <summary>
/// The starter set by niche (PRODUCT.md §3, §4): retail, fashion, fitness, gaming and B2B campaigns a marketer can
/// launch after choosing an audience. Ids are stable slugs so links and tests can name them.
/// </summary>
public static class StarterCampaigns
{
    public static readonly string[] Niches = ["retail", "fashion", "fitness", "gaming", "b2b"];

    private static StepRequest Email(string name, string subject, string html, int delayMinutes = 0, string? preheader = null) =>
        new("email", name, new JsonObject { ["subject"] = subject, ["html"] = html, ["preheader"] = preheader }, DelayMinutes: delayMinutes);

    private static StepRequest AbEmail(string name, (string Subject, string Html) a, (string Subject, string Html) b, decimal holdout) =>
        new("email", name, Variants:
        [
            new VariantRequest("A", 50, new JsonObject { ["subject"] = a.Subject, ["html"] = a.Html }),
            new VariantRequest("B", 50, new JsonObject { ["subject"] = b.Subject, ["html"] = b.Html }),
        ], HoldoutPercent: holdout);

    public static IReadOnlyList<CampaignTemplate> All { get; } =
    [
        new("retail-weekend-sale", "retail", "Weekend sale", "conversion", "A two-email sale: the announcement, and a last-chance reminder a day later.",
        [
            Email("Announcement", "{{default contact.firstName \"Hi\"}}, the weekend sale starts now", """
                <h1>Up to 30% off, this weekend only</h1>
                <p>Hi {{default contact.firstName "there"}}, our best sellers are on sale until Sunday night.</p>
                <p><a href="https://shop.example.com/sale">Shop the sale</a></p>
                """, preheader: "Until Sunday at midnight"),
            Email("Last chance", "Last day of the sale", """
                <h1>The sale ends tonight</h1>
                <p>Still thinking about it, {{default contact.firstName "friend"}}? Prices go back up at midnight.</p>
                <p><a href="https://shop.example.com/sale">See what is left</a></p>
                """, delayMinutes: 24 * 60),
        ]),
        new("retail-winback", "retail", "Win back lapsed customers", "win-back", "A reminder with an incentive for customers who have not ordered lately (pair it with a segment on last order date).",
        [
            Email("We miss you", "A little something to welcome you back", """
                <h1>It has been a while, {{default contact.firstName "friend"}}</h1>
                <p>Here is 15% off your next order with the code <strong>WELCOME15</strong>.</p>
                <p><a href="https://shop.example.com/">Come back and browse</a></p>
                """),
        ]),
        new("fashion-new-collection", "fashion", "New collection launch", "awareness", "Announce a new collection with an A/B test of two subject lines and a 10% holdout.",
        [
            AbEmail("Launch",
                ("The new collection is here", """<h1>New season, new looks</h1><p>Discover the collection, {{default contact.firstName "there"}}.</p><p><a href="https://shop.example.com/new">Discover it</a></p>"""),
                ("{{default contact.firstName \"You\"}}, see it first", """<h1>Be the first to wear it</h1><p>The new collection just landed in {{default contact.city "your city"}}.</p><p><a href="https://shop.example.com/new">See it first</a></p>"""),
                10),
        ]),
        new("fitness-challenge", "fitness", "30-day challenge", "engagement", "Invite members to a 30-day challenge, then nudge them a week in.",
        [
            Email("Invitation", "Join the 30-day challenge", """
                <h1>30 days. One habit.</h1>
                <p>{{default contact.firstName "Hey"}}, join this month's challenge and train with the community.</p>
                <p><a href="https://gym.example.com/challenge">Join the challenge</a></p>
                """),
            Email("Week one check-in", "How is your first week going?", """
                <h1>One week in</h1>
                <p>Keep going, {{default contact.firstName "champ"}}! Log today's session to keep your streak.</p>
                <p><a href="https://gym.example.com/log">Log a session</a></p>
                """, delayMinutes: 7 * 24 * 60),
        ]),
        new("gaming-season-launch", "gaming", "New season launch", "engagement", "Tell players the new season is live, with a reminder for those who did not come back.",
        [
            Email("Season live", "Season 2 is live", """
                <h1>Season 2 is live</h1>
                <p>New maps, new rewards. Ready, {{default contact.firstName "player"}}?</p>
                <p><a href="https://play.example.com/season">Play now</a></p>
                """),
        ]),
        new("b2b-webinar", "b2b", "Webinar invitation", "lead generation", "Invite prospects to a webinar and remind them the day before.",
        [
            Email("Invitation", "You are invited: how teams cut reporting time in half", """
                <h1>Live webinar</h1>
                <p>Hello {{default contact.firstName "there"}}, join our product team for 45 minutes of practical tips.</p>
                <p><a href="https://example.com/webinar">Save your seat</a></p>
                """),
            Email("Reminder", "Tomorrow: our live webinar", """
                <h1>See you tomorrow</h1>
                <p>A reminder that the webinar starts tomorrow. Bring your questions.</p>
                <p><a href="https://example.com/webinar">Add it to your calendar</a></p>
                """, delayMinutes: 6 * 24 * 60),
        ]),
    ];
}
