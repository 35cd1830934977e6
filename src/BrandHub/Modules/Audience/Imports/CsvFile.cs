using System.Globalization;
using System.Text;
using BrandHub.Core;

namespace BrandHub.Modules.Audience.Imports;

/// <summary>
/// Reads an uploaded CSV strictly: UTF-8 only (a BOM is fine; Windows-1250 or Latin-1 bytes are refused with the byte
/// offset), delimiter detected from the header (comma, semicolon or tab), RFC 4180 quoting with broken quotes refused.
/// Validation happens before anything is stored, so a bad file changes nothing.
/// </summary>
public sealed class CsvFile
{
    public const int MaxRows = 1_000_000;
    public const int MaxColumns = 200;

    public required string[] Headers { get; init; }
    public required char Delimiter { get; init; }
    public required int RowCount { get; init; }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (CsvFile? File, List<FieldError> Errors) Inspect(byte[] content, char? delimiter = null)
    {
        var errors = new List<FieldError>();
        if (content.Length == 0) { errors.Add(new("file", "The file is empty.")); return (null, errors); }
        string text;
        try { text = StrictUtf8.GetString(content); }
        catch (DecoderFallbackException e)
        {
            errors.Add(new("file", $"The file is not UTF-8 (invalid byte at offset {e.Index}). Save it as \"CSV UTF-8\" and upload again."));
            return (null, errors);
        }
        if (text.Contains('\0')) { errors.Add(new("file", "This looks like a binary file, not a CSV.")); return (null, errors); }

        var sep = delimiter ?? Detect(text);
        var rows = 0;
        string[]? headers = null;
        try
        {
            foreach (var record in Rows(text, sep))
            {
                if (headers is null)
                {
                    headers = record;
                    if (headers.Length > MaxColumns) { errors.Add(new("file", $"At most {MaxColumns} columns.")); break; }
                    var blank = Array.FindIndex(headers, h => string.IsNullOrWhiteSpace(h));
                    if (blank >= 0) errors.Add(new("file", $"Column {blank + 1} has no header."));
                    var dup = headers.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                    if (dup is not null) errors.Add(new("file", $"The header '{dup.Key}' appears more than once."));
                    continue;
                }
                if (++rows > MaxRows) { errors.Add(new("file", $"At most {MaxRows:N0} rows per import.")); break; }
            }
        }
        catch (CsvFormatException e) { errors.Add(new("file", e.Message)); }
        if (headers is null && errors.Count == 0) errors.Add(new("file", "The file has no header row."));
        return errors.Count > 0 ? (null, errors) : (new CsvFile { Headers = headers!.Select(h => h.Trim()).ToArray(), Delimiter = sep, RowCount = rows }, errors);
    }

    /// <summary>Data rows (after the header), 1-based row numbers as a spreadsheet shows them minus the header.</summary>
    public static IEnumerable<(int Row, string[] Fields)> DataRows(byte[] content, char delimiter, int skip = 0)
    {
        var row = 0;
        foreach (var fields in Rows(StrictUtf8.GetString(content), delimiter).Skip(1 + skip))
            yield return (skip + ++row, fields);
    }

    /// <summary>
    /// RFC 4180 records: fields separated by the delimiter, optionally quoted; inside quotes a doubled quote is a quote and
    /// line breaks are data. A quote in the middle of an unquoted field, text after a closing quote, or a quote never closed
    /// is broken quoting and refused with its line number. Blank lines are skipped.
    /// </summary>
    private static IEnumerable<string[]> Rows(string text, char delimiter)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = start;
        while (i < text.Length)
        {
            var recordLine = line;
            fields.Clear();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) throw new CsvFormatException($"Broken quoting: the quoted field starting on line {recordLine} is never closed.");
                        var c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"') { field.Append('"'); i++; continue; }
                            break;
                        }
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                        throw new CsvFormatException($"Broken quoting on line {line}: text follows a closing quote (write a quote inside a field as \"\").");
                }
                else
                {
                    while (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    {
                        if (text[i] == '"') throw new CsvFormatException($"Broken quoting on line {line}: a quote inside an unquoted field (quote the field and double the quote).");
                        field.Append(text[i++]);
                    }
                }
                fields.Add(field.ToString());
                if (i >= text.Length) endOfRecord = true;
                else if (text[i] == delimiter) i++;
                else
                {
                    if (text[i] == '\r') i++;
                    if (i < text.Length && text[i] == '\n') i++;
                    line++;
                    endOfRecord = true;
                }
            }
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            yield return fields.ToArray();
        }
    }

    private static char Detect(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t' }.OrderByDescending(c => header.Count(x => x == c)).First();
    }
}

public sealed class CsvFormatException(string message) : Exception(message);
