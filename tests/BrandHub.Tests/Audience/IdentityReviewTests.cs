using System.Text.Json;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Near-matches (similar name, same company and city, different email) wait for a person to decide.</summary>
public sealed class IdentityReviewTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_near_match_is_created_separately_and_queued_for_review()
    {
        var tenant = await host.NewTenantAsync();
        var (older, newer) = await CreateLookalikesAsync(tenant);

        var review = await SinglePendingReviewAsync(tenant);

        review.GetProperty("score").GetDouble().ShouldBeGreaterThanOrEqualTo(0.82);
        review.GetProperty("reasons").Strings().ShouldNotBeEmpty();
        new[] { review.GetProperty("contact").Id(), review.GetProperty("candidate").Id() }.Order().ShouldBe(new[] { older, newer }.Order());
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(2);
    }

    [Fact]
    public async Task Accepting_a_review_merges_the_newer_record_into_the_older_one()
    {
        var tenant = await host.NewTenantAsync();
        var (older, newer) = await CreateLookalikesAsync(tenant);
        var review = await SinglePendingReviewAsync(tenant);

        var response = await tenant.Client.PostAsync($"/api/v1/identity/review/{review.Id()}/accept", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await response.JsonAsync();
        accepted.GetProperty("survivorId").GetGuid().ShouldBe(older);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).ItemIds().ShouldBe([older]);
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{newer}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var survivor = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{older}");
        survivor.GetProperty("tags").Strings().ShouldBe(["newsletter", "trade-fair"]);
        survivor.GetProperty("externalIds").EnumerateArray().Select(x => $"{x.Str("source")}:{x.Str("externalId")}").ShouldBe(["crm:CRM-77", "erp:ERP-5"]);
        survivor.Str("email").ShouldBe("stefan.popescu@acme.test");
        (await tenant.Client.GetJsonAsync("/api/v1/identity/review")).Total().ShouldBe(0);
        (await tenant.Client.GetJsonAsync("/api/v1/identity/review?status=accepted")).ItemIds().ShouldBe([review.Id()]);
        var merge = (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Items().Single();
        (merge.GetProperty("survivorId").GetGuid(), merge.GetProperty("mergedId").GetGuid()).ShouldBe((older, newer));
        merge.Id().ShouldBe(accepted.GetProperty("mergeId").GetGuid());
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<Contact>().SingleAsync(c => c.Id == newer)).MergedIntoId.ShouldBe(older);
    }

    [Fact]
    public async Task Undoing_an_accepted_merge_restores_both_records()
    {
        var tenant = await host.NewTenantAsync();
        var (older, newer) = await CreateLookalikesAsync(tenant);
        var review = await SinglePendingReviewAsync(tenant);
        var mergeId = (await (await tenant.Client.PostAsync($"/api/v1/identity/review/{review.Id()}/accept", null)).JsonAsync()).GetProperty("mergeId").GetGuid();

        (await tenant.Client.PostAsync($"/api/v1/identity/merges/{mergeId}/undo", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).ItemIds().Order().ShouldBe(new[] { older, newer }.Order());
        var survivor = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{older}");
        survivor.GetProperty("tags").Strings().ShouldBe(["newsletter"]);
        survivor.GetProperty("externalIds").EnumerateArray().Select(x => x.Str("externalId")).ShouldBe(["ERP-5"]);
        var restored = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{newer}");
        restored.Str("email").ShouldBe("s.popescu@gmail.test");
        restored.GetProperty("tags").Strings().ShouldBe(["trade-fair"]);
        restored.GetProperty("externalIds").EnumerateArray().Select(x => x.Str("externalId")).ShouldBe(["CRM-77"]);
        (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Items().Single().GetProperty("undoneAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        await (await tenant.Client.PostAsync($"/api/v1/identity/merges/{mergeId}/undo", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rejecting_a_review_keeps_both_contacts_and_closes_the_review()
    {
        var tenant = await host.NewTenantAsync();
        var (older, newer) = await CreateLookalikesAsync(tenant);
        var review = await SinglePendingReviewAsync(tenant);

        (await tenant.Client.PostAsync($"/api/v1/identity/review/{review.Id()}/reject", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await tenant.Client.GetJsonAsync("/api/v1/identity/review")).Total().ShouldBe(0);
        (await tenant.Client.GetJsonAsync("/api/v1/identity/review?status=rejected")).ItemIds().ShouldBe([review.Id()]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).ItemIds().Order().ShouldBe(new[] { older, newer }.Order());
        (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Total().ShouldBe(0);
        await (await tenant.Client.PostAsync($"/api/v1/identity/review/{review.Id()}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Client.PostAsync($"/api/v1/identity/review/{review.Id()}/reject", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_different_person_with_the_same_surname_is_not_queued()
    {
        var tenant = await host.NewTenantAsync();
        await tenant.Client.CreateContactIdAsync(new { email = "ana@pop.test", firstName = "Ana", lastName = "Popescu", company = "Acme SRL", city = "Cluj-Napoca" });
        await tenant.Client.CreateContactIdAsync(new { email = "petru@pop.test", firstName = "Petru", lastName = "Popa", company = "Other SA", city = "Iasi" });

        (await tenant.Client.GetJsonAsync("/api/v1/identity/review")).Total().ShouldBe(0);
    }

    [Fact]
    public async Task Reviews_and_merges_that_do_not_exist_are_404_problems()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostAsync($"/api/v1/identity/review/{Guid.NewGuid()}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.PostAsync($"/api/v1/identity/review/{Guid.NewGuid()}/reject", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.PostAsync($"/api/v1/identity/merges/{Guid.NewGuid()}/undo", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.GetAsync("/api/v1/identity/review?status=maybe")).ShouldBeValidationProblemAsync("status");
    }

    /// <summary>"Ștefan Popescu" and "Stefan Popescu" at Acme SRL in Cluj-Napoca, with different emails.</summary>
    private static async Task<(Guid Older, Guid Newer)> CreateLookalikesAsync(TenantSession tenant)
    {
        var older = await tenant.Client.CreateContactIdAsync(new
        {
            email = "stefan.popescu@acme.test", firstName = "Ștefan", lastName = "Popescu", company = "Acme SRL", city = "Cluj-Napoca",
            tags = new[] { "newsletter" }, externalIds = new[] { new { source = "erp", externalId = "ERP-5" } },
        });
        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new
        {
            email = "s.popescu@gmail.test", firstName = "Stefan", lastName = "Popescu", company = "ACME S.R.L.", city = "Cluj Napoca",
            tags = new[] { "trade-fair" }, externalIds = new[] { new { source = "crm", externalId = "CRM-77" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created); // not merged: only a person can tell
        return (older, (await response.JsonAsync()).Id());
    }

    private static async Task<JsonElement> SinglePendingReviewAsync(TenantSession tenant)
    {
        var reviews = await tenant.Client.GetJsonAsync("/api/v1/identity/review");
        reviews.Total().ShouldBe(1, reviews.ToString());
        return reviews.Items().Single();
    }
}
