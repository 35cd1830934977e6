using System.Security.Claims;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Team;

/// <summary>What a role on a campaign allows. Each right includes the ones before it.</summary>
public enum CampaignRight
{
    /// <summary>Read the campaign, its results and comments; comment.</summary>
    View,

    /// <summary>Edit content and audience, schedule, launch, pause, resume, complete, cancel.</summary>
    Edit,

    /// <summary>Manage the team, archive and delete.</summary>
    Own,
}

/// <summary>
/// Per-campaign roles (owner, editor, viewer) on top of the workspace scopes: the workspace's owners and admins own
/// every campaign, API keys edit (their scopes already limit them), and a team member's role on the campaign decides
/// for everyone else — someone not on the team may look and comment, not change it. The creator is its first owner.
/// </summary>
public sealed class CampaignAccess(BrandHubDb db, Actor actor, IHttpContextAccessor http)
{
    public const string Owner = "owner", Editor = "editor", Viewer = "viewer";
    public static readonly string[] RoleNames = [Owner, Editor, Viewer];

    public async Task<CampaignRight> RightOnAsync(Guid campaignId, CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        if (user is null) return CampaignRight.Own; // the scheduler and jobs act for the system
        var workspaceRole = user.FindFirstValue(TokenIssuer.RoleClaim);
        if (workspaceRole is Roles.Owner or Roles.Admin) return CampaignRight.Own;
        if (actor.UserId is not { } userId) return CampaignRight.Edit; // an API key
        var role = await db.Set<CampaignRole>().AsNoTracking().Where(r => r.CampaignId == campaignId && r.UserId == userId)
            .Select(r => r.Role).FirstOrDefaultAsync(ct);
        return role switch { Owner => CampaignRight.Own, Editor => CampaignRight.Edit, _ => CampaignRight.View };
    }

    /// <summary>Null when allowed; otherwise the 403 answer naming what is missing.</summary>
    public async Task<IResult?> RequireAsync(Guid campaignId, CampaignRight needed, CancellationToken ct)
    {
        var right = await RightOnAsync(campaignId, ct);
        if (right >= needed) return null;
        var role = needed == CampaignRight.Own ? "an owner" : "an editor or owner";
        return TypedResults.Problem(title: "Forbidden.", detail: $"You need to be {role} of this campaign to do this; ask its owner to add you to the team.",
            statusCode: StatusCodes.Status403Forbidden, type: "https://brandhub.dev/problems/campaign-role");
    }
}
