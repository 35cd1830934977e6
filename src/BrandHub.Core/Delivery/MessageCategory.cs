namespace BrandHub.Core.Delivery;

/// <summary>
/// Why a message is sent. Wire names: <c>transactional</c> (order confirmation, invoice reminder, password reset: exempt
/// from consent, frequency cap and quiet hours) and <c>marketing</c> (needs consent and respects every policy).
/// </summary>
public enum MessageCategory
{
    Transactional,
    Marketing,
}

public static class MessageCategories
{
    public const string Transactional = "transactional", Marketing = "marketing";

    public static IReadOnlyList<string> All { get; } = [Transactional, Marketing];

    public static string Format(MessageCategory c) => c == MessageCategory.Marketing ? Marketing : Transactional;

    public static bool TryParse(string? s, out MessageCategory c)
    {
        c = s == Marketing ? MessageCategory.Marketing : MessageCategory.Transactional;
        return s is Transactional or Marketing;
    }
}
