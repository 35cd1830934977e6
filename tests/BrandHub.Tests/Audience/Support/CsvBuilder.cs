using System.Text;

namespace BrandHub.Tests.Audience.Support;

/// <summary>Builds a CSV file as an upload would carry it (RFC 4180 quoting, UTF-8, CRLF).</summary>
public sealed class CsvBuilder(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public int RowCount => rows.Count;

    public CsvBuilder Row(params string?[] fields)
    {
        if (fields.Length != headers.Length) throw new ArgumentException($"Expected {headers.Length} fields, got {fields.Length}.");
        rows.Add(fields.Select(f => f ?? "").ToArray());
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', headers.Select(Quote))).Append("\r\n");
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return sb.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
