using System.Data.Common;
using BrandHub.Data;
using BrandHub.Modules.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>
/// Writes one launch chunk — its deliveries and each one's first history entry — straight to the database in the
/// caller's transaction, without the change tracker (nothing in the launch reads these rows back). PostgreSQL: one
/// <c>INSERT … SELECT FROM unnest(arrays)</c> per table (binary COPY is refused on tables with row-level security);
/// SQLite: one prepared single-row INSERT per table, reused for every row. Measured in docs/BENCHMARKS.md
/// (<c>campaign-launch</c>).
/// </summary>
/// <remarks>
/// A chunk's rows share their tenant, channel, category, campaign, step and creation instant (one step of one run,
/// stamped once), and its history rows their instant: these go in once per statement, the rest per row.
/// </remarks>
public static class LaunchChunkWriter
{
    public static async Task WriteAsync(BrandHubDb db, IReadOnlyList<Delivery.Delivery> rows, IReadOnlyList<DeliveryTransition> history, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (history.Count != rows.Count) throw new ArgumentException("One history entry per delivery is expected.", nameof(history));
        var first = rows[0];
        foreach (var d in rows)
            if (d.TenantId != first.TenantId || d.Channel != first.Channel || d.Category != first.Category || d.CampaignId != first.CampaignId
                || d.StepId != first.StepId || d.CreatedAt != first.CreatedAt || d.UpdatedAt != first.UpdatedAt || d.DataJson != first.DataJson)
                throw new ArgumentException("A launch chunk's deliveries belong to one step of one run.", nameof(rows));
        foreach (var h in history)
            if (h.At != history[0].At || h.FromStatus is not null) throw new ArgumentException("A launch chunk's history entries are first entries of one instant.", nameof(history));

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("A launch chunk is written in the transaction that moves its checkpoint.");
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction;
        if (db.IsPostgres) await OnPostgresAsync(cmd, rows, history, ct);
        else await OnSqliteAsync(cmd, rows, history, ct);
    }

    private static async Task OnPostgresAsync(DbCommand cmd, IReadOnlyList<Delivery.Delivery> rows, IReadOnlyList<DeliveryTransition> history, CancellationToken ct)
    {
        var first = rows[0];
        var n = rows.Count;
        var ids = new Guid[n];
        var contacts = new Guid?[n];
        var addresses = new string[n];
        var templates = new Guid?[n];
        var versions = new int?[n];
        var keys = new string[n];
        var statuses = new string[n];
        var reasons = new string?[n];
        var runAts = new DateTime[n];
        var variants = new Guid?[n];
        for (var i = 0; i < n; i++)
        {
            var d = rows[i];
            ids[i] = d.Id; contacts[i] = d.ContactId; addresses[i] = d.Address; templates[i] = d.TemplateId; versions[i] = d.TemplateVersion;
            keys[i] = d.IdempotencyKey; statuses[i] = d.Status; reasons[i] = d.Reason; runAts[i] = d.RunAt.UtcDateTime; variants[i] = d.VariantId;
        }
        var historyDeliveries = new Guid[n];
        var historyIds = new Guid[n];
        var historyStatuses = new string[n];
        var historyDetails = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var h = history[i];
            historyDeliveries[i] = h.DeliveryId; historyIds[i] = h.Id; historyStatuses[i] = h.ToStatus; historyDetails[i] = h.Detail;
        }
        cmd.CommandText =
            """
            INSERT INTO deliveries (tenant_id, id, channel, category, contact_id, address, template_id, template_version, data_json, idempotency_key,
                status, reason, attempts, run_at, campaign_id, step_id, variant_id, created_at, updated_at)
            SELECT @t, u.id, @channel, @category, u.contact_id, u.address, u.template_id, u.template_version, @data::jsonb, u.key,
                u.status, u.reason, 0, u.run_at, @campaign, @step, u.variant_id, @created, @updated
            FROM unnest(@ids::uuid[], @contacts::uuid[], @addresses::text[], @templates::uuid[], @versions::integer[], @keys::text[], @statuses::text[],
                @reasons::text[], @runAts::timestamptz[], @variants::uuid[])
                AS u(id, contact_id, address, template_id, template_version, key, status, reason, run_at, variant_id);
            INSERT INTO delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail)
            SELECT @t, h.delivery_id, h.id, NULL, h.to_status, @at, h.detail
            FROM unnest(@hDeliveries::uuid[], @hIds::uuid[], @hStatuses::text[], @hDetails::text[]) AS h(delivery_id, id, to_status, detail);
            """;
        cmd.With("@t", first.TenantId);
        cmd.With("@channel", first.Channel);
        cmd.With("@category", first.Category);
        cmd.With("@data", first.DataJson);
        cmd.With("@campaign", (object?)first.CampaignId ?? DBNull.Value);
        cmd.With("@step", (object?)first.StepId ?? DBNull.Value);
        cmd.With("@created", first.CreatedAt.UtcDateTime);
        cmd.With("@updated", first.UpdatedAt.UtcDateTime);
        cmd.With("@ids", ids);
        cmd.With("@contacts", contacts);
        cmd.With("@addresses", addresses);
        cmd.With("@templates", templates);
        cmd.With("@versions", versions);
        cmd.With("@keys", keys);
        cmd.With("@statuses", statuses);
        cmd.With("@reasons", reasons);
        cmd.With("@runAts", runAts);
        cmd.With("@variants", variants);
        cmd.With("@at", history[0].At.UtcDateTime);
        cmd.With("@hDeliveries", historyDeliveries);
        cmd.With("@hIds", historyIds);
        cmd.With("@hStatuses", historyStatuses);
        cmd.With("@hDetails", historyDetails);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task OnSqliteAsync(DbCommand cmd, IReadOnlyList<Delivery.Delivery> rows, IReadOnlyList<DeliveryTransition> history, CancellationToken ct)
    {
        var first = rows[0];
        cmd.CommandText =
            """
            INSERT INTO deliveries (tenant_id, id, channel, category, contact_id, address, template_id, template_version, data_json, idempotency_key,
                status, reason, attempts, run_at, campaign_id, step_id, variant_id, created_at, updated_at)
            VALUES ($t, $id, $channel, $category, $contact, $address, $template, $version, $data, $key, $status, $reason, 0, $runAt, $campaign, $step, $variant,
                $created, $updated)
            """;
        cmd.With("$t", Text(first.TenantId));
        cmd.With("$channel", first.Channel);
        cmd.With("$category", first.Category);
        cmd.With("$data", first.DataJson);
        cmd.With("$campaign", Text(first.CampaignId));
        cmd.With("$step", Text(first.StepId));
        cmd.With("$created", first.CreatedAt.ToUnixTimeMilliseconds());
        cmd.With("$updated", first.UpdatedAt.ToUnixTimeMilliseconds());
        DbParameter id = cmd.With("$id", null), contact = cmd.With("$contact", null), address = cmd.With("$address", null), template = cmd.With("$template", null),
            version = cmd.With("$version", null), key = cmd.With("$key", null), status = cmd.With("$status", null), reason = cmd.With("$reason", null),
            runAt = cmd.With("$runAt", null), variant = cmd.With("$variant", null);
        await cmd.PrepareAsync(ct);
        foreach (var d in rows)
        {
            id.Value = Text(d.Id); contact.Value = Text(d.ContactId); address.Value = d.Address; template.Value = Text(d.TemplateId);
            version.Value = (object?)d.TemplateVersion ?? DBNull.Value; key.Value = d.IdempotencyKey; status.Value = d.Status;
            reason.Value = (object?)d.Reason ?? DBNull.Value; runAt.Value = d.RunAt.ToUnixTimeMilliseconds(); variant.Value = Text(d.VariantId);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        cmd.Parameters.Clear();
        cmd.CommandText = "INSERT INTO delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail) VALUES ($t, $d, $i, NULL, $s, $a, $x)";
        cmd.With("$t", Text(first.TenantId));
        cmd.With("$a", history[0].At.ToUnixTimeMilliseconds());
        DbParameter delivery = cmd.With("$d", null), entry = cmd.With("$i", null), to = cmd.With("$s", null), detail = cmd.With("$x", null);
        await cmd.PrepareAsync(ct);
        foreach (var h in history)
        {
            delivery.Value = Text(h.DeliveryId); entry.Value = Text(h.Id); to.Value = h.ToStatus; detail.Value = (object?)h.Detail ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An id in SQLite's storage form: EF's upper-case TEXT.</summary>
    private static object Text(Guid? id) => id is { } g ? g.ToString().ToUpperInvariant() : DBNull.Value;
}
