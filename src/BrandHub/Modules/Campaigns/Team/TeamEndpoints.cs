using BrandHub.Modules.Audience;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Team;

/// <summary>Collaboration on a campaign: comment threads (anyone who can see it) and the team's roles (owners manage them).</summary>
public static class TeamEndpoints
{
    public const int MaxComment = 5_000;

    public static IEndpointRouteBuilder MapCampaignTeam(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/marketing/campaigns").WithTags("Campaigns");
        var read = Scopes.Policy(Scopes.CampaignsRead);
        var write = Scopes.Policy(Scopes.CampaignsWrite);

        campaigns.MapGet("/{id:guid}/comments", async (Guid id, BrandHubDb db, CampaignPlanner planner, CancellationToken ct) =>
        {
            if (await planner.FindAsync(id, ct) is null) return Problems.NotFound("Campaign");
            var all = await db.Set<CampaignComment>().AsNoTracking().Where(c => c.CampaignId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
            CommentView View(CampaignComment c) => new(c.Id, c.ParentId, c.Author, c.DeletedAt is null ? c.Body : "", c.CreatedAt, c.EditedAt, c.DeletedAt is not null,
                all.Where(r => r.ParentId == c.Id).Select(View).ToList());
            return Results.Ok(all.Where(c => c.ParentId is null).Select(View).ToList());
        }).RequireAuthorization(read).WithSummary("Comment threads, oldest first; deleted comments keep their place with an empty body")
          .Produces<List<CommentView>>().ProducesProblem(404);

        campaigns.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest body, BrandHubDb db, CampaignPlanner planner, AuditTrail audit, Actor actor,
            TimeProvider clock, CancellationToken ct) =>
        {
            var c = await planner.FindAsync(id, ct);
            if (c is null) return Problems.NotFound("Campaign");
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.Body)) errors.Add(new("body", "Write something."));
            else if (body.Body.Length > MaxComment) errors.Add(new("body", $"At most {MaxComment} characters."));
            Guid? parent = null;
            if (body.ParentId is { } pid)
            {
                var p = await db.Set<CampaignComment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid && x.CampaignId == id, ct);
                if (p is null) errors.Add(new("parentId", "No comment with this id on this campaign."));
                else parent = p.ParentId ?? p.Id; // replies join the thread of the comment they answer
            }
            if (errors.Count > 0) return Problems.Validation(errors);
            var comment = new CampaignComment
            {
                TenantId = c.TenantId, Id = Guid.CreateVersion7(), CampaignId = id, ParentId = parent, Author = actor.Id, Body = body.Body!.Trim(), CreatedAt = clock.Now(),
            };
            db.Add(comment);
            audit.Record("campaign.commented", "campaign", id.ToString(), null, new { comment.Id, comment.ParentId });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/marketing/campaigns/{id}/comments/{comment.Id}",
                new CommentView(comment.Id, comment.ParentId, comment.Author, comment.Body, comment.CreatedAt, null, false, []));
        }).RequireAuthorization(read).WithSummary("Comment, or reply with parentId (anyone who can see the campaign)")
          .Produces<CommentView>(201).ProducesValidationProblem().ProducesProblem(404);

        campaigns.MapDelete("/{id:guid}/comments/{commentId:guid}", async (Guid id, Guid commentId, BrandHubDb db, CampaignAccess access, AuditTrail audit,
            Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var comment = await db.Set<CampaignComment>().FirstOrDefaultAsync(x => x.Id == commentId && x.CampaignId == id && x.DeletedAt == null, ct);
            if (comment is null) return Problems.NotFound("Comment");
            if (comment.Author != actor.Id && await access.RequireAsync(id, CampaignRight.Own, ct) is { } forbidden) return forbidden;
            comment.DeletedAt = clock.Now();
            audit.Record("campaign.comment_deleted", "campaign", id.ToString(), new { comment.Id, comment.Body }, null);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(read).WithSummary("Delete your own comment (owners may delete any)").Produces(204).ProducesProblem(403).ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/team", async (Guid id, BrandHubDb db, CampaignPlanner planner, CancellationToken ct) =>
        {
            if (await planner.FindAsync(id, ct) is null) return Problems.NotFound("Campaign");
            var roles = await db.Set<CampaignRole>().AsNoTracking().Where(r => r.CampaignId == id).ToListAsync(ct);
            var userIds = roles.Select(r => r.UserId).ToList();
            var users = await db.Set<User>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            return Results.Ok(roles.OrderBy(r => r.Role).ThenBy(r => r.GrantedAt).Select(r => new RoleView(r.UserId, users.GetValueOrDefault(r.UserId)?.Email,
                users.GetValueOrDefault(r.UserId)?.DisplayName, r.Role, r.GrantedBy, r.GrantedAt)).ToList());
        }).RequireAuthorization(read).WithSummary("The campaign's team and their roles").Produces<List<RoleView>>().ProducesProblem(404);

        campaigns.MapPut("/{id:guid}/team", async (Guid id, RoleRequest body, BrandHubDb db, CampaignPlanner planner, CampaignAccess access, AuditTrail audit,
            Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            if (await planner.FindAsync(id, ct) is null) return Problems.NotFound("Campaign");
            if (await access.RequireAsync(id, CampaignRight.Own, ct) is { } forbidden) return forbidden;
            var errors = new List<FieldError>();
            if (body.Role is null || !CampaignAccess.RoleNames.Contains(body.Role)) errors.Add(new("role", $"Role must be one of: {string.Join(", ", CampaignAccess.RoleNames)}."));
            if (body.UserId is null || !await db.Set<User>().AnyAsync(u => u.Id == body.UserId && u.DisabledAt == null, ct))
                errors.Add(new("userId", "No active user with this id in this workspace."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var role = await db.Set<CampaignRole>().FirstOrDefaultAsync(r => r.CampaignId == id && r.UserId == body.UserId, ct);
            var before = role?.Role;
            if (before == CampaignAccess.Owner && body.Role != CampaignAccess.Owner && await LastOwnerAsync(db, id, ct))
                return Problems.Conflict("A campaign keeps at least one owner; make someone else owner first.");
            if (role is null) db.Add(role = new CampaignRole { TenantId = db.Scope.RequiredTenantId, CampaignId = id, UserId = body.UserId!.Value });
            role.Role = body.Role!;
            role.GrantedBy = actor.Id;
            role.GrantedAt = clock.Now();
            audit.Record("campaign.role_granted", "campaign", id.ToString(), before is null ? null : new { UserId = body.UserId, Role = before }, new { body.UserId, body.Role });
            await db.SaveChangesAsync(ct);
            return Results.Ok(new RoleView(role.UserId, null, null, role.Role, role.GrantedBy, role.GrantedAt));
        }).RequireAuthorization(write).WithSummary("Give a user a role on the campaign (owners only)")
          .Produces<RoleView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapDelete("/{id:guid}/team/{userId:guid}", async (Guid id, Guid userId, BrandHubDb db, CampaignAccess access, AuditTrail audit, CancellationToken ct) =>
        {
            var role = await db.Set<CampaignRole>().FirstOrDefaultAsync(r => r.CampaignId == id && r.UserId == userId, ct);
            if (role is null) return Problems.NotFound("Team member");
            if (await access.RequireAsync(id, CampaignRight.Own, ct) is { } forbidden) return forbidden;
            if (role.Role == CampaignAccess.Owner && await LastOwnerAsync(db, id, ct)) return Problems.Conflict("A campaign keeps at least one owner.");
            db.Remove(role);
            audit.Record("campaign.role_revoked", "campaign", id.ToString(), new { userId, role.Role }, null);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Remove a user from the campaign's team (owners only; never the last owner)")
          .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        return app;
    }

    private static async Task<bool> LastOwnerAsync(BrandHubDb db, Guid campaignId, CancellationToken ct) =>
        await db.Set<CampaignRole>().CountAsync(r => r.CampaignId == campaignId && r.Role == CampaignAccess.Owner, ct) <= 1;
}
