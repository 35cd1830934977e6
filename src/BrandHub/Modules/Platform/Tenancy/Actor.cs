namespace BrandHub.Modules.Platform.Tenancy;

/// <summary>Who is doing the current unit of work, as written to the audit trail and histories.</summary>
public sealed class Actor
{
    public string Id { get; private set; } = "system";
    public Guid? UserId { get; private set; }

    public void SetUser(Guid userId) { UserId = userId; Id = $"user:{userId}"; }
    public void SetApiKey(Guid keyId) { UserId = null; Id = $"apikey:{keyId}"; }
    public void Set(string actorId) { Id = actorId; UserId = actorId.StartsWith("user:") && Guid.TryParse(actorId[5..], out var u) ? u : null; }
}
