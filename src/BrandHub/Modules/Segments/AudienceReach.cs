using BrandHub.Core.Audience;
using BrandHub.Core.Segments;
using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>How many of an audience each channel can reach.</summary>
/// <summary>Keys are the channels' wire names (<c>whatsapp</c>, as in consents and deliveries).</summary>
public sealed record ChannelReach(long Email, long Sms, [property: System.Text.Json.Serialization.JsonPropertyName("whatsapp")] long WhatsApp, long Push);

/// <summary>A contact shown as a sample of an audience.</summary>
public sealed record AudienceSampleContact(Guid Id, string? Email, string? FirstName, string? LastName);

/// <summary>An audience's size, reach per channel and a sample of its members.</summary>
public sealed record AudiencePreviewResult(long Size, ChannelReach Reach, IReadOnlyList<AudienceSampleContact> Sample);

/// <summary>
/// Size, per-channel reach and a sample of the live contacts matching a predicate, in one statement the database
/// evaluates. Reachable on a channel means: opted in on it, an address for it (email; phone for SMS and WhatsApp), not
/// globally unsubscribed and the address not suppressed on that channel.
/// </summary>
public sealed class AudienceReach(BrandHubDb db)
{
    public const int SampleSize = 10;

    public async Task<AudiencePreviewResult> PreviewAsync(CompiledCriteria predicate, CancellationToken ct)
    {
        var p = new List<(string Name, object? Value)> { ("@tenant", db.Id(db.Scope.RequiredTenantId)) };
        p.AddRange(predicate.Parameters);
        // One pass over the matched set: it is computed once (materialised), then counted with its reach (bits of each
        // row's reach_mask) and the sample is the top of the same rows. One row per sample contact (one
        // row with no contact when nothing matches), each carrying the counts.
        var sql = $"""
            WITH m AS MATERIALIZED (SELECT c.id, c.email, c.first_name, c.last_name, c.created_at, c.reach_mask
                FROM contacts c WHERE c.tenant_id = @tenant AND {SegmentCriteria.LiveContacts} AND ({predicate.Sql})),
            counts AS (SELECT COUNT(*) AS size, {ReachJoined("m")}),
            sample AS (SELECT id, email, first_name, last_name, created_at FROM m ORDER BY created_at DESC, id LIMIT {SampleSize})
            SELECT counts.size, counts.email, counts.sms, counts.whatsapp, counts.push, s.id, s.email, s.first_name, s.last_name
            FROM counts LEFT JOIN sample s ON 1 = 1
            ORDER BY s.created_at DESC, s.id
            """;
        long size = 0;
        ChannelReach reachCounts = new(0, 0, 0, 0);
        var sample = await db.QueryAsync(sql, p, r =>
        {
            size = r.GetInt64(0);
            reachCounts = ReadReach(r, 1);
            return r.IsDBNull(5) ? null : new AudienceSampleContact(r.GetId(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8));
        }, ct);
        return new AudiencePreviewResult(size, reachCounts, sample.OfType<AudienceSampleContact>().ToList());
    }

    /// <summary>
    /// The four reach sums (email, sms, whatsapp, push) over the matched rows <paramref name="m"/> and their FROM clause:
    /// bits of the contact's <c>reach_mask</c>, kept by database triggers (migration V0008), so reach costs nothing more
    /// than reading the matched rows.
    /// </summary>
    private static string ReachJoined(string m) => $"{ReachColumns(m)} FROM {m}";

    /// <summary>Four summed columns (email, sms, whatsapp, push) over contact rows aliased <paramref name="c"/> (they need <c>reach_mask</c>).</summary>
    public static string ReachColumns(string c) => string.Join(", ",
        Reachable(c, ConsentChannel.Email, "email"), Reachable(c, ConsentChannel.Sms, "sms"), Reachable(c, ConsentChannel.WhatsApp, "whatsapp"),
        Reachable(c, ConsentChannel.Push, "push"));

    private static string Reachable(string c, ConsentChannel channel, string name) =>
        $"COALESCE(SUM(CASE WHEN ({c}.reach_mask & {CriteriaSql.ConsentBit(channel)}) <> 0 THEN 1 ELSE 0 END), 0) AS {name}";

    public static ChannelReach ReadReach(System.Data.Common.DbDataReader r, int first) =>
        new(Convert.ToInt64(r.GetValue(first)), Convert.ToInt64(r.GetValue(first + 1)), Convert.ToInt64(r.GetValue(first + 2)), Convert.ToInt64(r.GetValue(first + 3)));
}
