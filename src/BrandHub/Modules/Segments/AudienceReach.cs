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
        // One pass over the matched set: it is computed once (materialised), then counted with its reach — each channel's
        // consent and suppression an outer join on its unique key, which the database can hash-join over the whole set
        // instead of probing per contact — and the sample is the top of the same rows. One row per sample contact (one
        // row with no contact when nothing matches), each carrying the counts.
        var sql = $"""
            WITH m AS MATERIALIZED (SELECT c.id, c.email, c.phone, c.first_name, c.last_name, c.created_at, c.global_unsubscribe_at
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
    /// The four reach sums (email, sms, whatsapp, push) and their FROM clause over the matched rows <paramref name="m"/>
    /// (id, email, phone, global_unsubscribe_at), with the same rule as <see cref="ReachColumns"/>; needs <c>@tenant</c>.
    /// Consents and suppressions are joined on their unique keys, so each adds at most one row per contact.
    /// </summary>
    private static string ReachJoined(string m)
    {
        string Consent(string channel) => $"LEFT JOIN contact_consents k_{channel} ON k_{channel}.tenant_id = @tenant AND k_{channel}.contact_id = {m}.id " +
                                          $"AND k_{channel}.channel = '{channel}' AND k_{channel}.status = 'opted_in'";
        string Suppressed(string channel, string address) => $"LEFT JOIN suppressions s_{channel} ON s_{channel}.tenant_id = @tenant " +
                                                             $"AND s_{channel}.channel = '{channel}' AND s_{channel}.address = {m}.{address}";
        string Sum(string channel, string? address) =>
            $"COALESCE(SUM(CASE WHEN {m}.global_unsubscribe_at IS NULL AND k_{channel}.contact_id IS NOT NULL" +
            (address is null ? "" : $" AND {m}.{address} IS NOT NULL AND s_{channel}.id IS NULL") + $" THEN 1 ELSE 0 END), 0) AS {channel}";
        return $"{Sum("email", "email")}, {Sum("sms", "phone")}, {Sum("whatsapp", "phone")}, {Sum("push", null)} FROM {m} " +
               string.Join(" ", Consent("email"), Suppressed("email", "email"), Consent("sms"), Suppressed("sms", "phone"),
                   Consent("whatsapp"), Suppressed("whatsapp", "phone"), Consent("push"));
    }

    /// <summary>Four summed columns (email, sms, whatsapp, push) over contact rows aliased <paramref name="c"/>; needs <c>@tenant</c>.</summary>
    public static string ReachColumns(string c) => string.Join(", ",
        Reachable(c, "email", $"{c}.email"), Reachable(c, "sms", $"{c}.phone"), Reachable(c, "whatsapp", $"{c}.phone"), Reachable(c, "push", null));

    private static string Reachable(string c, string channel, string? address)
    {
        var condition = $"{c}.global_unsubscribe_at IS NULL AND EXISTS (SELECT 1 FROM contact_consents rc WHERE rc.tenant_id = {c}.tenant_id " +
                        $"AND rc.contact_id = {c}.id AND rc.channel = '{channel}' AND rc.status = 'opted_in')";
        if (address is not null)
            condition += $" AND {address} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM suppressions rs WHERE rs.tenant_id = {c}.tenant_id " +
                         $"AND rs.channel = '{channel}' AND rs.address = {address})";
        return $"COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)";
    }

    public static ChannelReach ReadReach(System.Data.Common.DbDataReader r, int first) =>
        new(Convert.ToInt64(r.GetValue(first)), Convert.ToInt64(r.GetValue(first + 1)), Convert.ToInt64(r.GetValue(first + 2)), Convert.ToInt64(r.GetValue(first + 3)));
}
