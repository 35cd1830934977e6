namespace BrandHub.Core.Audience;

/// <summary>
/// Evidence that a contact gave consent (GDPR art. 7(1): the controller must be able to demonstrate it).
/// </summary>
/// <param name="Ip">IPv4 or IPv6 address the consent came from.</param>
/// <param name="UserAgent">Browser or app user agent at the time (max 512 characters).</param>
/// <param name="Reference">Form id, double-opt-in token, call recording id… (max 200 characters).</param>
public sealed record ConsentProof(string? Ip = null, string? UserAgent = null, string? Reference = null);
