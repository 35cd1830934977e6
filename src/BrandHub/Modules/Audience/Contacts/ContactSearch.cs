using BrandHub.Core.Audience;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>
/// Free-text contact search: email, names ("ana pop" matches first + last in either order), company, and phone in
/// any format the user types it. Case-insensitive; translated to SQL on both providers.
/// </summary>
public static class ContactSearch
{
    public static IQueryable<Contact> Apply(IQueryable<Contact> q, string text, string defaultCountry)
    {
        var s = text.ToLowerInvariant();
        // E.164 never equals "-", so without a phone-like query this clause matches nothing (a null would match every row without a phone).
        var phone = PhoneNumber.TryNormalize(text, defaultCountry, out var e164, out _) ? e164 : "-";
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2)
        {
            string a = parts[0], b = parts[1];
            return q.Where(c => c.Phone == phone || c.Email!.ToLower().Contains(s) || c.Company!.ToLower().Contains(s)
                || (c.FirstName!.ToLower().Contains(a) && c.LastName!.ToLower().Contains(b))
                || (c.FirstName!.ToLower().Contains(b) && c.LastName!.ToLower().Contains(a)));
        }
        return q.Where(c => c.Phone == phone || c.Email!.ToLower().Contains(s) || c.FirstName!.ToLower().Contains(s)
            || c.LastName!.ToLower().Contains(s) || c.Company!.ToLower().Contains(s) || c.Phone!.Contains(s));
    }
}
