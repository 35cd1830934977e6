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
/// Size, per-channel reach and a sample of the live contacts matching a predicate, in two statements the database
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
        var from = $"FROM contacts c WHERE c.tenant_id = @tenant AND {SegmentCriteria.LiveContacts} AND ({predicate.Sql})";
        var counts = (await db.QueryAsync($"SELECT COUNT(*), {ReachColumns("c")} {from}", p,
            r => (Size: r.GetInt64(0), Reach: ReadReach(r, 1)), ct)).Single();
        var sample = await db.QueryAsync($"SELECT c.id, c.email, c.first_name, c.last_name {from} ORDER BY c.created_at DESC, c.id LIMIT {SampleSize}", p,
            r => new AudienceSampleContact(r.GetId(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3)), ct);
        return new AudiencePreviewResult(counts.Size, counts.Reach, sample);
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
