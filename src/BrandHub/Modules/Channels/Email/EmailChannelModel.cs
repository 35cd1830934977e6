using BrandHub.Modules.Channels.Email.HttpApi;
using BrandHub.Modules.Channels.Email.Settings;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Channels.Email;

/// <summary>EF mapping of the email channel's tables (V0004__email_channel.sql builds exactly this).</summary>
public static class EmailChannelModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<EmailSenderSettings>(e =>
        {
            e.ToTable("email_sender_settings");
            e.HasKey(x => x.TenantId);
        });
        model.Entity<EmailWebhookToken>(e =>
        {
            e.ToTable("email_webhook_tokens");
            e.HasKey(x => new { x.TenantId, x.Token });
            e.HasIndex(x => new { x.TenantId, x.ReceivedAt });
        });
    }
}
