using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BrandHub.Modules.Channels.Email.HttpApi;

/// <summary>
/// Sends through a Mailgun-style messages API: <c>POST {baseUrl}/v3/{domain}/messages</c>, multipart/form-data, basic
/// auth <c>api:{apiKey}</c>, answer <c>{"id","message"}</c>. Extra headers go as <c>h:Name</c>; the delivery id rides as
/// the custom variable <c>v:delivery-id</c>, which the provider echoes in its webhooks as <c>user-variables</c>.
/// Outcomes: 2xx sent; 408, 429, 5xx, timeouts and connection failures transient; any other 4xx permanent.
/// The provider signs with its own DKIM key, so the tenant's key is not used here.
/// </summary>
public sealed class HttpApiEmailTransport(IHttpClientFactory clients, ILogger<HttpApiEmailTransport> log) : IEmailTransport
{
    public const string ClientName = "email-http-provider";

    public string Provider => "http";

    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(EmailSender sender, IReadOnlyList<OutgoingEmail> batch, CancellationToken ct)
    {
        if (sender.Http is not { } endpoint)
            return batch.Select(m => new EmailSendResult(m.DeliveryId, SendOutcome.Transient, null, "The HTTP provider is not configured.")).ToList();

        var results = new EmailSendResult[batch.Count];
        var client = clients.CreateClient(ClientName);
        // One request per message, at most MaxConnections in flight: the provider's concurrency budget per tenant.
        await Parallel.ForAsync(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, sender.MaxConnections), CancellationToken = ct },
            async (i, token) => results[i] = await SendOneAsync(client, sender, endpoint, batch[i], token));
        return results;
    }

    private async Task<EmailSendResult> SendOneAsync(HttpClient client, EmailSender sender, HttpProviderEndpoint endpoint, OutgoingEmail message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{endpoint.BaseUrl.TrimEnd('/')}/v3/{Uri.EscapeDataString(endpoint.Domain)}/messages")
        {
            Content = Form(sender, message),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + endpoint.ApiKey)));
        try
        {
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var (id, text) = Parse(body);
            if (response.IsSuccessStatusCode) return new(message.DeliveryId, SendOutcome.Sent, id, null);
            var error = $"HTTP {(int)response.StatusCode}: {text ?? Truncate(body)}";
            return new(message.DeliveryId, IsTransient(response.StatusCode) ? SendOutcome.Transient : SendOutcome.Permanent, null, error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(message.DeliveryId, SendOutcome.Transient, null, "The provider did not answer in time.");
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "HTTP email provider unreachable at {BaseUrl}", endpoint.BaseUrl);
            return new(message.DeliveryId, SendOutcome.Transient, null, $"The provider could not be reached: {e.Message}");
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static MultipartFormDataContent Form(EmailSender sender, OutgoingEmail message)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value, Encoding.UTF8), name);
        Add("from", Mailbox(sender.FromName, sender.FromEmail));
        Add("to", Mailbox(message.ToName, message.To));
        Add("subject", message.Subject);
        if (message.Html.Length > 0) Add("html", message.Html);
        if (message.Text.Length > 0) Add("text", message.Text);
        if (sender.ReplyTo is { } replyTo) Add("h:Reply-To", replyTo);
        foreach (var (name, value) in message.Headers) Add("h:" + name, value);
        Add("v:delivery-id", message.DeliveryId.ToString());
        return form;
    }

    /// <summary>An RFC 5322 mailbox; the display name quoted (with quotes and backslashes escaped) so commas and the like stay inside it.</summary>
    public static string Mailbox(string? name, string address) =>
        string.IsNullOrWhiteSpace(name) ? address : $"\"{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\" <{address}>";

    /// <summary>The provider's message id (angle brackets removed, as its webhooks report it) and its message text.</summary>
    private static (string? Id, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return (null, null);
            var id = json.RootElement.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()!.Trim().Trim('<', '>') : null;
            var text = json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (id, text);
        }
        catch (JsonException) { return (null, null); }
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
