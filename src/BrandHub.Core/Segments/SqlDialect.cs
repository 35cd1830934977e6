namespace BrandHub.Core.Segments;

/// <summary>
/// The two databases BrandHub runs on, as far as compiled criteria differ: how values are stored (GUIDs as upper-case text,
/// instants as Unix milliseconds and money as integer ten-thousandths on SQLite; uuid, timestamptz and numeric on
/// PostgreSQL) and how JSON is read. Parameter values are converted here so they match the stored representation.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(false), Postgres = new(true);

    private SqlDialect(bool postgres) => IsPostgres = postgres;

    public bool IsPostgres { get; }

    public static SqlDialect For(bool postgres) => postgres ? Postgres : Sqlite;

    public object Guid(Guid id) => IsPostgres ? id : id.ToString().ToUpperInvariant();

    public object Instant(DateTimeOffset at) => IsPostgres ? at.ToUniversalTime() : at.ToUnixTimeMilliseconds();

    /// <summary>SQLite binds decimals as text (and text sorts after every number), so numbers go as doubles there.</summary>
    public object Number(decimal n) => IsPostgres ? n : (double)n;

    public object Money(decimal amount) => IsPostgres ? amount : (object)(long)decimal.Round(amount * 10_000m);

    public object Bool(bool b) => IsPostgres ? b : b ? 1L : 0L;

    /// <summary>A JSON object member as text when it is a string (else NULL); <paramref name="key"/> is a parameter.</summary>
    public string JsonText(string column, string key) => IsPostgres
        ? $"(CASE WHEN jsonb_typeof({column} -> {key}) = 'string' THEN {column} ->> {key} END)"
        : $"(CASE WHEN json_type({column}, '$.' || {key}) = 'text' THEN json_extract({column}, '$.' || {key}) END)";

    /// <summary>A JSON object member as a number when it is one (else NULL).</summary>
    public string JsonNumber(string column, string key) => IsPostgres
        ? $"(CASE WHEN jsonb_typeof({column} -> {key}) = 'number' THEN ({column} ->> {key})::numeric END)"
        : $"(CASE WHEN json_type({column}, '$.' || {key}) IN ('integer', 'real') THEN json_extract({column}, '$.' || {key}) END)";

    /// <summary>A JSON object member as a boolean when it is one (else NULL).</summary>
    public string JsonBool(string column, string key) => IsPostgres
        ? $"(CASE WHEN jsonb_typeof({column} -> {key}) = 'boolean' THEN ({column} ->> {key})::boolean END)"
        : $"(CASE json_type({column}, '$.' || {key}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)";

    /// <summary>Whether a JSON object has the member with a non-null value.</summary>
    public string JsonPresent(string column, string key) => IsPostgres
        ? $"(jsonb_typeof({column} -> {key}) IS NOT NULL AND jsonb_typeof({column} -> {key}) <> 'null')"
        : $"(json_type({column}, '$.' || {key}) IS NOT NULL AND json_type({column}, '$.' || {key}) <> 'null')";

    /// <summary>Case-insensitive substring test without LIKE (so % and _ in the value are just characters).</summary>
    public string ContainsText(string expression, string parameter) => IsPostgres
        ? $"strpos(lower({expression}), lower({parameter})) > 0"
        : $"instr(lower({expression}), lower({parameter})) > 0";
}
