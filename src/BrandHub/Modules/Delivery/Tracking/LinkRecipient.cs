using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Identity;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>
/// The contact an unsubscribe link was issued to, as they are now: a contact merged since the message was sent is
/// followed to the surviving record, so the decision lands where the sending engine will look for it.
/// </summary>
public static class LinkRecipient
{
    private const int MaxMergeHops = 8;

    /// <summary>The live contact (tracked, with consents), or null when erased or deleted.</summary>
    public static async Task<Contact?> FindAsync(BrandHubDb db, Guid contactId, CancellationToken ct)
    {
        var id = contactId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var contact = await ContactMerger.WithChildren(db).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (contact is null || contact.DeletedAt is not null) return null;
            if (contact.MergedIntoId is not { } survivor) return contact;
            id = survivor;
        }
        return null;
    }
}
