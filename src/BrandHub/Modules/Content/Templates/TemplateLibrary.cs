using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Content.Templates;

/// <summary>Saving templates: every save a new immutable version, every change on the audit trail.</summary>
public sealed class TemplateLibrary(BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock)
{
    public Task<EmailTemplate?> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var q = db.Set<EmailTemplate>().Where(t => t.Id == id && t.DeletedAt == null);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    /// <param name="campaignId">Content written inside a campaign step: owned by it, hidden from the library.</param>
    public async Task<EmailTemplate> CreateAsync(TemplateRequest body, TemplateDraft draft, CancellationToken ct, Guid? campaignId = null)
    {
        var now = clock.Now();
        var template = new EmailTemplate
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Name = body.Name!.Trim(), Description = Blank(body.Description),
            CreatedBy = actor.Id, CreatedAt = now, CampaignId = campaignId,
        };
        Apply(template, draft, 1, now);
        db.Add(template);
        db.Add(Version(template));
        audit.Record("template.created", "email_template", template.Id.ToString(), null, Audited(template));
        await db.SaveChangesAsync(ct);
        return template;
    }

    /// <returns>False when <paramref name="expectedVersion"/> is no longer current (someone saved in between).</returns>
    public async Task<bool> UpdateAsync(EmailTemplate template, TemplateRequest body, TemplateDraft draft, int expectedVersion, CancellationToken ct)
    {
        if (template.CurrentVersion != expectedVersion) return false;
        var before = Audited(template);
        if (!string.IsNullOrWhiteSpace(body.Name)) template.Name = body.Name.Trim();
        template.Description = Blank(body.Description);
        Apply(template, draft, template.CurrentVersion + 1, clock.Now());
        db.Add(Version(template));
        audit.Record("template.updated", "email_template", template.Id.ToString(), before, Audited(template));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two saves of the same version raced: the primary key of the version row lets one win.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task SetArchivedAsync(EmailTemplate template, bool archived, CancellationToken ct)
    {
        if (archived == template.ArchivedAt is not null) return;
        template.ArchivedAt = archived ? clock.Now() : null;
        audit.Record(archived ? "template.archived" : "template.unarchived", "email_template", template.Id.ToString(), null, new { template.Name });
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(EmailTemplate template, CancellationToken ct)
    {
        template.DeletedAt = clock.Now();
        audit.Record("template.deleted", "email_template", template.Id.ToString(), Audited(template), null);
        await db.SaveChangesAsync(ct);
    }

    private void Apply(EmailTemplate template, TemplateDraft draft, int version, DateTimeOffset now)
    {
        template.Subject = draft.Source.Subject;
        template.Preheader = draft.Source.Preheader;
        template.Html = draft.Source.Html;
        template.Text = draft.Source.Text;
        template.VariablesJson = TemplateVariableList.Serialize(draft.Variables);
        template.CurrentVersion = version;
        template.UpdatedBy = actor.Id;
        template.UpdatedAt = now;
    }

    private static EmailTemplateVersion Version(EmailTemplate t) => new()
    {
        TenantId = t.TenantId, TemplateId = t.Id, Version = t.CurrentVersion, Subject = t.Subject, Preheader = t.Preheader, Html = t.Html,
        Text = t.Text, VariablesJson = t.VariablesJson, CreatedBy = t.UpdatedBy, CreatedAt = t.UpdatedAt,
    };

    private static object Audited(EmailTemplate t) => new { t.Name, t.Description, t.Subject, Version = t.CurrentVersion };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
