using System.Text.Json;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Identity;

/// <summary>
/// Finds who an incoming record is. Deterministic first (external id, normalised email, E.164 phone, tax id — in that
/// order of trust); then probabilistic: contacts sharing a name blocking key are scored by <see cref="IdentityMatcher"/>
/// and pairs at or above the review threshold are queued for a person to decide.
/// </summary>
public sealed class IdentityResolver(BrandHubDb db, TimeProvider clock)
{
    public sealed record Match(Contact Contact, string Reason);

    public async Task<Match?> FindExactAsync(Contact incoming, CancellationToken ct)
    {
        var live = ContactMerger.WithChildren(db).Where(c => c.DeletedAt == null && c.MergedIntoId == null);
        foreach (var e in incoming.ExternalIds)
        {
            var owner = await db.Set<ContactExternalId>().Where(x => x.Source == e.Source && x.ExternalId == e.ExternalId)
                .Select(x => (Guid?)x.ContactId).FirstOrDefaultAsync(ct);
            if (owner is { } id && await live.FirstOrDefaultAsync(c => c.Id == id, ct) is { } byExternal)
                return new Match(byExternal, $"external id {e.Source}");
        }
        if (incoming.Email is { } email && await live.FirstOrDefaultAsync(c => c.Email == email, ct) is { } byEmail) return new Match(byEmail, "email");
        if (incoming.Phone is { } phone && await live.FirstOrDefaultAsync(c => c.Phone == phone, ct) is { } byPhone) return new Match(byPhone, "phone");
        if (incoming.TaxId is { } tax && await live.FirstOrDefaultAsync(c => c.TaxId == tax, ct) is { } byTax) return new Match(byTax, "tax id");
        return null;
    }

    /// <summary>Queues near-matches of <paramref name="contact"/> for review (caller saves). Returns how many were queued.</summary>
    public async Task<int> QueueNearMatchesAsync(Contact contact, CancellationToken ct)
    {
        var profile = Profile(contact);
        var keys = IdentityMatcher.BlockingKeys(profile);
        if (keys.Count == 0) return 0;
        var candidates = await db.Set<Contact>().AsNoTracking()
            .Where(c => keys.Contains(c.MatchKey) && c.Id != contact.Id && c.DeletedAt == null && c.MergedIntoId == null)
            .OrderBy(c => c.CreatedAt).Take(50).ToListAsync(ct);
        var queued = 0;
        foreach (var candidate in candidates)
        {
            var match = IdentityMatcher.Score(profile, Profile(candidate));
            if (match.Score < IdentityMatcher.ReviewThreshold) continue;
            var exists = await db.Set<IdentityReview>().AnyAsync(r =>
                (r.ContactId == contact.Id && r.CandidateId == candidate.Id) || (r.ContactId == candidate.Id && r.CandidateId == contact.Id), ct);
            if (exists) continue;
            db.Add(new IdentityReview
            {
                TenantId = contact.TenantId, Id = Guid.CreateVersion7(), ContactId = contact.Id, CandidateId = candidate.Id,
                Score = Math.Round(match.Score, 4), ReasonsJson = JsonSerializer.Serialize(match.Reasons), CreatedAt = clock.Now(),
            });
            queued++;
        }
        return queued;
    }

    public static IdentityProfile Profile(Contact c) => new(c.FirstName, c.LastName, c.Company, c.City);
}
