using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BrandHub.Tests.Platform;

/// <summary>
/// What every client can rely on: health probes, the OpenAPI document and reference page, security headers,
/// correlation ids, and problem details (never a 500) for requests the API cannot understand.
/// </summary>
public sealed class HttpConventionsTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Liveness_answers_200_without_credentials()
    {
        using var anon = host.Anonymous();
        (await anon.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_the_job_workers()
    {
        using var anon = host.Anonymous();
        // The worker loop reports in once it has polled; wait for that rather than for a fixed time.
        var response = await Eventually.PollAsync(() => anon.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, "readiness");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = body.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("database").GetProperty("description").GetString()!.ShouldContain("schema up to date");
        checks.GetProperty("jobs").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_is_valid_JSON_and_lists_the_API()
    {
        using var anon = host.Anonymous();

        var response = await anon.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        doc.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        doc.GetProperty("info").GetProperty("title").GetString().ShouldBe("BrandHub API");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/contacts", out var contacts).ShouldBeTrue();
        contacts.TryGetProperty("get", out _).ShouldBeTrue();
        contacts.TryGetProperty("post", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/token", out var token).ShouldBeTrue();
        token.TryGetProperty("post", out _).ShouldBeTrue();
        foreach (var path in new[] { "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/jobs/{id}", "/api/v1/api-keys", "/api/v1/me" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
    }

    [Fact]
    public async Task The_interactive_API_reference_is_served()
    {
        using var anon = host.Anonymous();

        var page = await anon.GetAsync("/api-docs/index.html");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("BrandHub API reference");
        html.ShouldContain("swagger-ui", Case.Insensitive);
        var config = await anon.GetStringAsync("/api-docs/index.js");
        config.ShouldContain("/openapi/v1.json");
        (await anon.GetAsync("/api-docs")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.MovedPermanently, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_web_app_is_served_at_the_root_with_security_headers()
    {
        using var anon = host.Anonymous();

        var response = await anon.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        Header(response, "Referrer-Policy").ShouldNotBeNullOrEmpty();
        response.Headers.Contains("Server").ShouldBeFalse("the server does not announce itself");
    }

    [Fact]
    public async Task Client_side_routes_of_the_web_app_fall_back_to_the_app()
    {
        using var anon = host.Anonymous();
        var response = await anon.GetAsync("/contacts/some-page");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task API_responses_carry_the_security_headers_too()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.GetAsync("/api/v1/contacts");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Content-Security-Policy").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_correlation_id_sent_by_the_client_is_echoed_and_one_is_made_up_otherwise()
    {
        using var anon = host.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "order-4711");

        var echoed = await anon.SendAsync(request);
        var made = await anon.GetAsync("/health/live");

        Header(echoed, "X-Correlation-Id").ShouldBe("order-4711");
        Header(made, "X-Correlation-Id").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Problems_carry_the_correlation_id()
    {
        using var anon = host.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Correlation-Id", "trace-me-42");

        var response = await anon.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("correlationId").GetString().ShouldBe("trace-me-42");
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/contacts")]
    [InlineData("/api/v1/contacts/not-a-guid/consents")]
    public async Task An_unknown_API_route_is_a_404_not_the_web_app(string url)
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_known_API_route_with_a_wrong_method_is_a_405_not_the_web_app()
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.DeleteAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    [Theory]
    [InlineData("{\"email\": \"a@b.c\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"email\": 42, \"password\": true}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task Malformed_JSON_on_sign_in_is_a_400_problem_never_a_500(string body)
    {
        using var anon = host.Anonymous();

        var response = await anon.PostRawAsync("/api/v1/auth/token", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_content_type_is_refused_without_a_500()
    {
        using var anon = host.Anonymous();
        var response = await anon.PostRawAsync("/api/v1/auth/token", "email=a@b.c&password=x", "application/x-www-form-urlencoded");
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    [Fact]
    public async Task An_oversized_JSON_body_is_refused_with_a_problem()
    {
        using var anon = host.Anonymous();
        var huge = "{\"email\":\"" + new string('a', 2 * 1024 * 1024) + "@example.com\",\"password\":\"x\"}";

        var response = await anon.PostRawAsync("/api/v1/auth/token", huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Malformed_JSON_on_an_authenticated_endpoint_is_a_400_problem_that_names_the_field()
    {
        var tenant = await host.NewTenantAsync();

        var broken = await tenant.Client.PostRawAsync("/api/v1/api-keys", "{\"name\": ");
        var wrongType = await tenant.Client.PostRawAsync("/api/v1/api-keys", "{\"name\": [1], \"role\": \"viewer\"}");

        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        broken.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongType.ProblemErrorsAsync()).Keys.ShouldContain("name");
        (await (await tenant.Client.GetAsync("/api/v1/api-keys")).JsonAsync()).GetArrayLength().ShouldBe(0, "nothing was stored");
    }

    [Theory]
    [InlineData("/api/v1/jobs?pageSize=0", "pageSize")]
    [InlineData("/api/v1/jobs?page=-1", "page")]
    [InlineData("/api/v1/jobs?page=abc", "page")]
    [InlineData("/api/v1/users?pageSize=ten", "pageSize")]
    [InlineData("/api/v1/audit?from=yesterday", "from")]
    [InlineData("/api/v1/audit?to=2025-13-45", "to")]
    [InlineData("/api/v1/identity/merges?contactId=not-a-guid", "contactId")]
    public async Task Bad_query_parameters_are_a_validation_problem_naming_the_parameter(string url, string field)
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("type").GetString().ShouldBe("https://brandhub.dev/problems/validation", body);
        var errors = await response.ProblemErrorsAsync();
        errors.Keys.ShouldBe([field], body);
        errors[field].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_query_flag_that_is_not_a_boolean_is_a_validation_problem_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var created = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = $"flag-{Guid.NewGuid():N}@example.com" })).JsonAsync();
        var id = created.GetProperty("id").GetGuid();

        var response = await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}?erase=maybe");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["erase"]);
        (await tenant.Client.GetAsync($"/api/v1/contacts/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_missing_JSON_body_is_a_validation_problem_on_body()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostAsync("/api/v1/api-keys", new StringContent("", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["body"]);
    }

    [Theory]
    [InlineData("/api/v1/api-keys", "{\"name\": \"ERP\", \"role\": 12}", "role")]
    [InlineData("/api/v1/contacts/bulk-tags", "{\"contactIds\": [\"not-a-guid\"], \"add\": [\"vip\"]}", "contactIds[0]")]
    [InlineData("/api/v1/contacts/bulk-tags", "{\"contactIds\": \"12\"}", "contactIds")]
    public async Task A_value_of_the_wrong_JSON_type_is_a_400_naming_the_field(string url, string json, string field)
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostRawAsync(url, json);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ProblemErrorsAsync()).Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Numbers_are_documented_as_JSON_numbers_only()
    {
        // The host reads numbers strictly (JsonNumberHandling.Strict): "12" is not a number, so the document never
        // types a number as ["integer","string"] and the generated web client sees plain numbers.
        using var anon = host.Anonymous();
        var doc = await anon.GetStringAsync("/openapi/v1.json");
        var loose = new List<string>();
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
                {
                    var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
                    if (types.Contains("string") && (types.Contains("integer") || types.Contains("number"))) loose.Add(path);
                }
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}/{p.Name}");
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}/{i++}");
            }
        }
        Walk(JsonDocument.Parse(doc).RootElement, "");
        loose.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_are_paged_with_a_total()
    {
        var tenant = await host.NewTenantAsync();
        var body = await (await tenant.Client.GetAsync("/api/v1/jobs?page=1&pageSize=5")).JsonAsync();
        body.GetProperty("page").GetInt32().ShouldBe(1);
        body.GetProperty("pageSize").GetInt32().ShouldBe(5);
        body.GetProperty("total").GetInt32().ShouldBe(0);
        body.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;
}
