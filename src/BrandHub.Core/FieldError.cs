namespace BrandHub.Core;

/// <summary>
/// One validation problem tied to a request field, so the host can turn a list of them into a
/// problem-details response that points the marketer at the exact input to fix.
/// </summary>
/// <param name="Field">Wire name of the field, dotted for nested fields (e.g. <c>proof.ip</c>).</param>
/// <param name="Message">Human-readable explanation, safe to show in the UI.</param>
public sealed record FieldError(string Field, string Message);
