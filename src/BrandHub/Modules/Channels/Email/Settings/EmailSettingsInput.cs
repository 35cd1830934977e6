using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;

namespace BrandHub.Modules.Channels.Email.Settings;

/// <summary>
/// The body of <c>PUT /api/v1/channels/email/settings</c> as sent: strings are kept as typed until validated, and for
/// the secrets we remember whether the property was present, because an absent secret keeps the stored one while
/// <c>""</c> (or <c>null</c>) clears it.
/// </summary>
public sealed class EmailSettingsInput
{
    public const int MaxNameLength = 200, MaxSecretLength = 4096;

    public string? Provider, FromEmail, FromName, ReplyTo, Host, Security, Username, Password, BaseUrl, Domain, ApiKey, WebhookSigningKey;
    public int? Port, MaxConnections;
    public double? MessagesPerSecond;
    public bool HasPassword, HasApiKey, HasWebhookSigningKey;

    public static EmailSettingsInput Read(JsonElement body, List<FieldError> errors)
    {
        var input = new EmailSettingsInput();
        if (body.ValueKind != JsonValueKind.Object) { errors.Add(new("body", "Expected a JSON object.")); return input; }
        foreach (var p in body.EnumerateObject())
        {
            switch (p.Name)
            {
                case "provider": input.Provider = Text(p, errors); break;
                case "fromEmail": input.FromEmail = Text(p, errors); break;
                case "fromName": input.FromName = Text(p, errors); break;
                case "replyTo": input.ReplyTo = Text(p, errors); break;
                case "host": input.Host = Text(p, errors); break;
                case "port": input.Port = Whole(p, errors); break;
                case "security": input.Security = Text(p, errors); break;
                case "username": input.Username = Text(p, errors); break;
                case "password": input.Password = Secret(p, errors); input.HasPassword = true; break;
                case "baseUrl": input.BaseUrl = Text(p, errors); break;
                case "domain": input.Domain = Text(p, errors); break;
                case "apiKey": input.ApiKey = Secret(p, errors); input.HasApiKey = true; break;
                case "webhookSigningKey": input.WebhookSigningKey = Secret(p, errors); input.HasWebhookSigningKey = true; break;
                case "maxConnections": input.MaxConnections = Whole(p, errors); break;
                case "messagesPerSecond":
                    if (p.Value.ValueKind == JsonValueKind.Null) break;
                    if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var rate)) errors.Add(new(p.Name, "Must be a number."));
                    else input.MessagesPerSecond = rate;
                    break;
            }
        }
        return input;
    }

    /// <summary>Every problem with the input, given what is already stored (a secret may be omitted when one is stored).</summary>
    public IReadOnlyList<FieldError> Validate(EmailSenderSettings? stored)
    {
        var errors = new List<FieldError>();
        if (Provider is not ("smtp" or "http")) errors.Add(new("provider", "Provider must be smtp or http."));
        if (!EmailAddress.TryNormalize(FromEmail, out _, out var fromError)) errors.Add(new("fromEmail", fromError));
        if (FromName is { } name && (name.Length > MaxNameLength || name.AsSpan().IndexOfAny('\r', '\n') >= 0))
            errors.Add(new("fromName", $"At most {MaxNameLength} characters, on one line."));
        if (!string.IsNullOrWhiteSpace(ReplyTo) && !EmailAddress.TryNormalize(ReplyTo, out _, out var replyError)) errors.Add(new("replyTo", replyError));
        if (MaxConnections is < 1 or > 100) errors.Add(new("maxConnections", "Between 1 and 100."));
        if (MessagesPerSecond is < 0 or > 100_000 || MessagesPerSecond is { } r && !double.IsFinite(r))
            errors.Add(new("messagesPerSecond", "Between 0 (no limit) and 100000."));
        foreach (var (field, value) in new[] { ("password", Password), ("apiKey", ApiKey), ("webhookSigningKey", WebhookSigningKey) })
            if (value is { Length: > MaxSecretLength }) errors.Add(new(field, $"At most {MaxSecretLength} characters."));

        if (Provider == "smtp") ValidateSmtp(stored, errors);
        if (Provider == "http") ValidateHttp(stored, errors);
        return errors;
    }

    /// <summary>The SMTP port when none is given: the usual one for the security mode.</summary>
    public static int DefaultPort(string security) => security switch { "tls" => 465, "none" => 25, _ => 587 };

    private void ValidateSmtp(EmailSenderSettings? stored, List<FieldError> errors)
    {
        if (!IsHostName(Host)) errors.Add(new("host", "A host name or IP address is required for SMTP."));
        if (Security is not (null or "none" or "starttls" or "tls")) errors.Add(new("security", "Security must be none, starttls or tls."));
        if (Port is < 1 or > 65535) errors.Add(new("port", "Between 1 and 65535."));
        if (Username is { Length: > 256 }) errors.Add(new("username", "At most 256 characters."));
        var passwordAfter = HasPassword ? !string.IsNullOrEmpty(Password) : stored?.PasswordEncrypted is not null;
        if (!string.IsNullOrEmpty(Username) && !passwordAfter) errors.Add(new("password", "A password is required with a username."));
    }

    private void ValidateHttp(EmailSenderSettings? stored, List<FieldError> errors)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query))
            errors.Add(new("baseUrl", "An absolute https URL is required, e.g. https://api.eu.mailgun.net."));
        // The API key travels in every request: plain http only to this machine (a local relay or a test peer).
        else if (url.Scheme == "http" && !url.IsLoopback)
            errors.Add(new("baseUrl", "Use https: plain http is allowed only for a provider on this machine."));
        if (!IsHostName(Domain) || Uri.CheckHostName(Domain) != UriHostNameType.Dns) errors.Add(new("domain", "The sending domain registered with the provider, e.g. mg.example.com."));
        var apiKeyAfter = HasApiKey ? !string.IsNullOrEmpty(ApiKey) : stored?.ApiKeyEncrypted is not null;
        if (!apiKeyAfter) errors.Add(new("apiKey", "An API key is required for the HTTP provider."));
    }

    public static bool IsHostName(string? host) =>
        !string.IsNullOrWhiteSpace(host) && host.Length <= 253 && Uri.CheckHostName(host) != UriHostNameType.Unknown;

    private static string? Text(JsonProperty p, List<FieldError> errors)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        if (p.Value.ValueKind != JsonValueKind.String) { errors.Add(new(p.Name, "Must be a string.")); return null; }
        var s = p.Value.GetString()!.Trim();
        return s.Length == 0 ? null : s;
    }

    // Secrets are kept exactly as typed (a password may start or end with a space); "" clears.
    private static string? Secret(JsonProperty p, List<FieldError> errors)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        if (p.Value.ValueKind != JsonValueKind.String) { errors.Add(new(p.Name, "Must be a string.")); return null; }
        var s = p.Value.GetString()!;
        return s.Length == 0 ? null : s;
    }

    private static int? Whole(JsonProperty p, List<FieldError> errors)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n)) return n;
        errors.Add(new(p.Name, "Must be a whole number."));
        return null;
    }
}
