using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BrandHub.Core.Seo;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>A page as fetched: the final URL, its status, headers and HTML, how long it took and the redirects on the way.</summary>
public sealed record FetchedPage(string Url, int Status, Dictionary<string, string> Headers, string Html, int Milliseconds, IReadOnlyList<string> Redirects);

/// <summary>Why a page could not be fetched, in words for the person who asked.</summary>
public sealed class FetchFailed(string message) : Exception(message);

/// <summary>
/// Fetches pages as the crawler: its user agent, redirects followed one by one (and recorded), a size cap, a timeout,
/// and — unless <see cref="SeoOptions.AllowPrivateAddresses"/> — no connection to loopback, private or link-local
/// addresses, checked on the address actually connected to (a DNS answer cannot smuggle one in).
/// </summary>
public sealed class PageFetcher
{
    private readonly HttpClient http;
    private readonly SeoOptions options;

    public PageFetcher(SeoOptions options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(options.FetchTimeoutSeconds) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
    }

    public string UserAgent => options.UserAgent;

    /// <summary>An absolute http(s) URL of at most 2,000 characters: what the catalogue and the audits take.</summary>
    public static bool IsWebUrl(string? url) =>
        url is { Length: > 0 and <= 2000 } && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Host.Length > 0;

    public async Task<FetchedPage> FetchAsync(string url, CancellationToken ct)
    {
        var redirects = new List<string>();
        var clock = Stopwatch.StartNew();
        var current = new Uri(url);
        for (var hop = 0; ; hop++)
        {
            using var response = await SendAsync(current, ct);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= options.MaxRedirects) throw new FetchFailed($"More than {options.MaxRedirects} redirects.");
                redirects.Add(current.AbsoluteUri);
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (current.Scheme is not ("http" or "https")) throw new FetchFailed($"A redirect leads to {current.Scheme}:, not a web page.");
                continue;
            }
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var html = await ReadCappedAsync(response.Content, ct);
            return new FetchedPage(current.AbsoluteUri, status, headers, html, (int)clock.ElapsedMilliseconds, redirects);
        }
    }

    /// <summary>
    /// robots.txt of the page's origin as RFC 9309 reads it: redirects followed; 200 parsed; a 4xx means there is none
    /// (everything allowed); a 5xx or no answer means everything is disallowed until it can be read.
    /// </summary>
    public async Task<RobotsTxt?> RobotsAsync(Uri page, CancellationToken ct)
    {
        try
        {
            var robots = await FetchAsync(new Uri(page, "/robots.txt").AbsoluteUri, ct);
            return robots.Status switch
            {
                200 => RobotsTxt.Parse(robots.Html),
                >= 400 and < 500 => RobotsTxt.AllowAll,
                _ => RobotsTxt.Unavailable($"robots.txt answered {robots.Status}"),
            };
        }
        catch (FetchFailed ex) { return RobotsTxt.Unavailable($"robots.txt could not be fetched ({ex.Message})"); }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken ct)
    {
        try { return await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, ct); }
        catch (HttpRequestException ex) { throw new FetchFailed(ex.InnerException is FetchFailed refused ? refused.Message : $"{url.Host} could not be reached: {ex.Message}"); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw new FetchFailed($"{url.Host} did not answer within {options.FetchTimeoutSeconds:0} seconds."); }
    }

    private async Task<string> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < options.MaxPageBytes && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, options.MaxPageBytes - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        var encoding = System.Text.Encoding.UTF8;
        try { if (charset is { Length: > 0 }) encoding = System.Text.Encoding.GetEncoding(charset); } catch (ArgumentException) { }
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = options.AllowPrivateAddresses ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
        if (allowed.Length == 0) throw new FetchFailed($"{context.DnsEndPoint.Host} is a private or local address, which audits do not fetch.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch { socket.Dispose(); throw; }
    }

    /// <summary>Loopback, private (RFC 1918, fc00::/7), link-local, carrier-grade NAT and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
    }
}
