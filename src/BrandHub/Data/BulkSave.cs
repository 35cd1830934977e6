using System.Data.Common;
using System.Text;
using BrandHub.Modules.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandHub.Data;

/// <summary>
/// SaveChanges for bulk work (imports): rows to add go in as multi-row INSERTs built from the EF model — a few
/// statements per thousand rows instead of one each — then the rest (updates, deletes) through EF as usual, all in
/// one transaction with the audit chain. Measured in docs/BENCHMARKS.md: this is what makes a 100k-row import fast.
/// </summary>
public static class BulkSave
{
    private const int MaxParameters = 30_000; // under SQLite's 32,766 and PostgreSQL's 65,535

    public static async Task SaveChangesInBulkAsync(this BrandHubDb db, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await AuditChainInterceptor.ChainPendingAsync(db, ct);
            // One change scan for the whole save (EF would otherwise rescan thousands of entries at each step).
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
                // Principals before dependents (a contact before its tags): tables without foreign keys go first.
                foreach (var group in added.GroupBy(e => e.Metadata).OrderBy(g => g.Key.GetForeignKeys().Count()))
                    await InsertAsync(db, group.Key, group.ToList(), ct);
                foreach (var entry in added) entry.State = EntityState.Unchanged;
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static async Task InsertAsync(BrandHubDb db, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToList();
        var header = $"INSERT INTO {type.GetTableName()} ({string.Join(", ", properties.Select(p => p.GetColumnName(table)))}) VALUES ";
        // PostgreSQL: multi-row VALUES (Npgsql binds positionally). SQLite: one prepared single-row INSERT reused for every row
        // — Microsoft.Data.Sqlite binds parameters by name, which costs O(n²) on statements with thousands of them.
        var perStatement = db.IsPostgres ? Math.Max(1, MaxParameters / properties.Count) : 1;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();

        DbCommand? cmd = null;
        var preparedFor = -1;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var batch = rows.GetRange(start, Math.Min(perStatement, rows.Count - start));
                if (preparedFor != batch.Count)
                {
                    if (cmd is not null) await cmd.DisposeAsync();
                    cmd = connection.CreateCommand();
                    cmd.Transaction = transaction;
                    var sql = new StringBuilder(header);
                    for (int r = 0, n = 0; r < batch.Count; r++)
                    {
                        sql.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < properties.Count; c++, n++)
                        {
                            var mapping = (RelationalTypeMapping)properties[c].GetRelationalTypeMapping();
                            cmd.Parameters.Add(mapping.CreateParameter(cmd, "@p" + n, null, properties[c].IsNullable));
                            sql.Append(c == 0 ? "@p" + n : ", @p" + n);
                        }
                        sql.Append(')');
                    }
                    cmd.CommandText = sql.ToString();
                    preparedFor = batch.Count;
                }
                for (int r = 0, n = 0; r < batch.Count; r++)
                    for (var c = 0; c < properties.Count; c++, n++)
                    {
                        var property = properties[c];
                        var value = batch[r].Property(property.Name).CurrentValue;
                        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                        if (mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                        cmd!.Parameters[n].Value = value ?? DBNull.Value;
                    }
                await cmd!.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (cmd is not null) await cmd.DisposeAsync();
        }
    }
}
