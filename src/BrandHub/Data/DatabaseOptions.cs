namespace BrandHub.Data;

/// <summary>Which database BrandHub runs on. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default, a file under the data directory) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
                              || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where BrandHub keeps its files (SQLite database, generated signing key). <c>BrandHub:DataDir</c>.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
