using System.Linq.Expressions;
using System.Text;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BrandHub.Data;

/// <summary>
/// The one DbContext. Modules configure their own entities; this class adds the house conventions:
/// snake_case names, a tenant filter on every <see cref="ITenantOwned"/> entity, and UTC instants that
/// SQLite can compare and sort (stored there as Unix milliseconds).
/// </summary>
public sealed class BrandHubDb(DbContextOptions<BrandHubDb> options, TenantScope scope) : DbContext(options)
{
    public TenantScope Scope { get; } = scope;

    /// <summary>Audit entries recorded in this unit of work, chained and added when it saves (see AuditChainInterceptor).</summary>
    internal List<(Modules.Platform.Audit.AuditEntry Entry, Modules.Platform.Audit.AuditPayload Payload)> PendingAudit { get; } = [];

    // Read by the query filter: EF parameterises it per query, so one cached model serves every tenant. Platform work has
    // no tenant (Guid.Empty matches nothing) and reads across tenants explicitly with AllTenants<T>().
    private Guid CurrentTenantId => Scope.TenantId ?? Guid.Empty;

    /// <summary>
    /// A tenant-owned set across every tenant, for platform work only (sign-in lookup, API-key lookup). Kept out of the
    /// tenant filter on purpose: a filter like <c>@all OR tenant_id = @t</c> stops SQLite from using the tenant indexes.
    /// </summary>
    public IQueryable<T> AllTenants<T>() where T : class, ITenantOwned =>
        Scope.IsPlatform ? Set<T>().IgnoreQueryFilters() : throw new InvalidOperationException("Only platform work may read across tenants.");

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder model)
    {
        PlatformModel.Configure(model, IsPostgres);
        AudienceModel.Configure(model, IsPostgres);
        Modules.Channels.Email.EmailChannelModel.Configure(model, IsPostgres);
        Modules.Content.ContentModel.Configure(model, IsPostgres);
        Modules.Delivery.DeliveryModel.Configure(model, IsPostgres);
        Modules.Campaigns.CampaignsModel.Configure(model, IsPostgres);
        Modules.Segments.SegmentsModel.Configure(model, IsPostgres);
        Modules.Analytics.AnalyticsModel.Configure(model, IsPostgres);
        Modules.Seo.SeoModel.Configure(model, IsPostgres);

        foreach (var entity in model.Model.GetEntityTypes())
        {
            entity.SetTableName(entity.GetTableName() is { } t ? SnakeCase(t) : null);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (!IsPostgres && (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?)))
                    property.SetValueConverter(property.ClrType == typeof(DateTimeOffset) ? UnixMilliseconds : NullableUnixMilliseconds);
                // SQLite has no exact decimal: money is stored as whole ten-thousandths so sums and comparisons stay exact.
                if (!IsPostgres && (property.ClrType == typeof(decimal) || property.ClrType == typeof(decimal?)))
                    property.SetValueConverter(property.ClrType == typeof(decimal) ? TenThousandths : NullableTenThousandths);
            }
            foreach (var key in entity.GetKeys()) key.SetName(SnakeCase(key.GetName() ?? ""));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(SnakeCase(index.GetDatabaseName() ?? ""));

            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
                entity.SetQueryFilter(TenantFilter(entity.ClrType));
        }
    }

    private LambdaExpression TenantFilter(Type type)
    {
        // e => e.TenantId == CurrentTenantId
        var e = Expression.Parameter(type, "e");
        var body = Expression.Equal(Expression.Property(e, nameof(ITenantOwned.TenantId)), Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, e);
    }

    private static readonly ValueConverter<DateTimeOffset, long> UnixMilliseconds =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<decimal, long> TenThousandths = new(v => (long)Math.Round(v * 10_000m), v => v / 10_000m);

    private static readonly ValueConverter<decimal?, long?> NullableTenThousandths =
        new(v => v.HasValue ? (long)Math.Round(v.Value * 10_000m) : null, v => v.HasValue ? v.Value / 10_000m : null);

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUnixMilliseconds =
        new(v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null,
            v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Keeps one compiled model per provider, since column types differ between SQLite and PostgreSQL.</summary>
public sealed class ProviderModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}

public static class BrandHubDbInstants
{
    /// <summary>An instant as a raw-SQL parameter in the provider's storage form (timestamptz, or Unix ms on SQLite).</summary>
    public static object Instant(this BrandHubDb db, DateTimeOffset value) =>
        db.IsPostgres ? value.ToUniversalTime() : value.ToUnixTimeMilliseconds();
}
