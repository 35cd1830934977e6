using System.Text.Json;

namespace BrandHub.Tests.Infrastructure;

/// <summary>One MIME leaf part as Python's email package decoded it.</summary>
public sealed record InspectedPart(string ContentType, string? Charset, string? ContentId, string? Content, int Size);

/// <summary>A received message as an independent reader sees it: decoded headers, leaf parts, DKIM verdict.</summary>
public sealed record InspectedMessage(
    IReadOnlyList<KeyValuePair<string, string>> Headers, string ContentType, IReadOnlyList<InspectedPart> Parts,
    IReadOnlyList<string> Defects, bool? DkimVerified)
{
    /// <summary>The decoded value of the first header with that name, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// Reads raw messages with Python's <c>email</c> package and verifies DKIM with dkimpy (Debian's python3-dkim), so
/// tests check BrandHub's MIME and signatures against code that BrandHub did not write.
/// </summary>
public static class MessageInspector
{
    /// <param name="dkimTxtRecord">The DNS TXT record to verify the signature against, or null to skip DKIM.</param>
    public static async Task<InspectedMessage> InspectAsync(byte[] raw, string? dkimTxtRecord = null)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, raw);
            List<string> args = [Path.Combine(AppContext.BaseDirectory, "Infrastructure", "inspect_message.py"), file];
            if (dkimTxtRecord is not null) args.Add(dkimTxtRecord);
            var result = await Processes.RunAsync("/usr/bin/python3", args);
            if (result.ExitCode != 0) throw new InvalidOperationException("inspect_message.py failed: " + result);
            var json = JsonDocument.Parse(result.StdOut).RootElement;
            return new InspectedMessage(
                [.. json.GetProperty("headers").EnumerateArray().Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!))],
                json.GetProperty("content_type").GetString()!,
                [.. json.GetProperty("parts").EnumerateArray().Select(p => new InspectedPart(
                    p.GetProperty("content_type").GetString()!, p.GetProperty("charset").GetString(),
                    p.GetProperty("content_id").GetString(), p.GetProperty("content").GetString(), p.GetProperty("size").GetInt32()))],
                [.. json.GetProperty("defects").EnumerateArray().Select(d => d.GetString()!)],
                json.GetProperty("dkim").ValueKind == JsonValueKind.Null ? null : json.GetProperty("dkim").GetBoolean());
        }
        finally { File.Delete(file); }
    }
}
