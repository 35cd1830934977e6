using System.Net.Http.Headers;
using System.Text;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>A file or mapping that cannot be imported is refused up front with a 400 problem, and nothing is stored.</summary>
public sealed class ImportRejectionTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static readonly Dictionary<string, string> EmailAndName = new() { ["Email"] = "email", ["Name"] = "firstName" };

    public static TheoryData<string, byte[]> BrokenFiles => new()
    {
        { "a quoted field never closed", Encoding.UTF8.GetBytes("Email,Name\r\n\"ana@x.test,Ana\r\nion@x.test,Ion\r\n") },
        { "a quote inside an unquoted field", Encoding.UTF8.GetBytes("Email,Name\r\nana@x.test,An\"a\r\n") },
        { "text after a closing quote", Encoding.UTF8.GetBytes("Email,Name\r\n\"ana@x.test\"x,Ana\r\n") },
        { "Windows-1250 bytes (ş as 0xBA)", [.. Encoding.ASCII.GetBytes("Email,Name\r\nana@x.test,Gheorghi"), 0xBA, .. Encoding.ASCII.GetBytes("u\r\n")] },
        { "Latin-1 bytes (é as 0xE9)", [.. Encoding.ASCII.GetBytes("Email,Name\r\nrene@x.test,Ren"), 0xE9, .. Encoding.ASCII.GetBytes("\r\n")] },
        { "an empty file", [] },
        { "a binary file", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00] },
        { "a header with a blank column", Encoding.UTF8.GetBytes("Email,,Name\r\nana@x.test,1,Ana\r\n") },
        { "a header repeated", Encoding.UTF8.GetBytes("Email,Name,email\r\nana@x.test,Ana,b@x.test\r\n") },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_refused_by_the_import_and_stores_nothing(string what, byte[] content)
    {
        var tenant = await host.NewTenantAsync();
        var before = await DatabaseScan.RowCountsAsync(host);

        var response = await tenant.Client.PostAsync("/api/v1/contacts/imports", Http.CsvUpload(content, mapping: EmailAndName));

        await response.ShouldBeValidationProblemAsync("file");
        (await DatabaseScan.RowCountsAsync(host)).ShouldBe(before, what);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_refused_by_the_preview(string what, byte[] content)
    {
        var tenant = await host.NewTenantAsync();
        var errors = await (await tenant.Client.PostAsync("/api/v1/contacts/imports/preview", Http.CsvUpload(content))).ShouldBeValidationProblemAsync("file");
        errors["file"].ShouldNotBeEmpty(what);
    }

    [Fact]
    public async Task The_encoding_error_says_where_the_bad_byte_is_and_what_to_do()
    {
        var tenant = await host.NewTenantAsync();
        byte[] content = [.. Encoding.ASCII.GetBytes("Email,Name\r\nana@x.test,Gheorghi"), 0xBA, .. Encoding.ASCII.GetBytes("u\r\n")];

        var errors = await (await tenant.Client.PostAsync("/api/v1/contacts/imports", Http.CsvUpload(content, mapping: EmailAndName))).ShouldBeValidationProblemAsync("file");

        errors["file"][0].ShouldContain("UTF-8");
        errors["file"][0].ShouldContain("offset 31"); // 0-based: "Email,Name\r\nana@x.test,Gheorghi" is 31 bytes
    }

    public static TheoryData<string, string, string> BadMappings => new()
    {
        { "no identifying column", """{"Name":"firstName"}""", "mapping" },
        { "a column the file does not have", """{"Email":"email","Nope":"firstName"}""", "mapping.Nope" },
        { "a field that does not exist", """{"Email":"email","Name":"shoeSize"}""", "mapping.Name" },
        { "an attribute never declared", """{"Email":"email","Name":"attributes.nickname"}""", "mapping.Name" },
        { "an unknown consent channel", """{"Email":"email","Name":"consent.fax"}""", "mapping.Name" },
        { "two columns into one field", """{"Email":"email","Name":"email"}""", "mapping.Name" },
        { "not JSON", "email=Email", "mapping" },
        { "a JSON array", """["Email"]""", "mapping" },
    };

    [Theory]
    [MemberData(nameof(BadMappings))]
    public async Task A_mapping_that_cannot_work_is_refused_and_stores_nothing(string what, string mapping, string field)
    {
        var tenant = await host.NewTenantAsync();
        var before = await DatabaseScan.RowCountsAsync(host);
        var form = Upload(new CsvBuilder("Email", "Name").Row("ana@x.test", "Ana").ToBytes());
        form.Add(new StringContent(mapping), "mapping");

        await (await tenant.Client.PostAsync("/api/v1/contacts/imports", form)).ShouldBeValidationProblemAsync(field);

        (await DatabaseScan.RowCountsAsync(host)).ShouldBe(before, what);
    }

    [Theory]
    [InlineData("""{"delimiter":";;"}""", "options.delimiter")]
    [InlineData("""{"tags":[""]}""", "options.tags")]
    [InlineData("not json", "options")]
    public async Task Options_that_cannot_work_are_refused(string options, string field)
    {
        var tenant = await host.NewTenantAsync();
        var before = await DatabaseScan.RowCountsAsync(host);
        var form = Upload(new CsvBuilder("Email").Row("ana@x.test").ToBytes());
        form.Add(new StringContent("""{"Email":"email"}"""), "mapping");
        form.Add(new StringContent(options), "options");

        await (await tenant.Client.PostAsync("/api/v1/contacts/imports", form)).ShouldBeValidationProblemAsync(field);

        (await DatabaseScan.RowCountsAsync(host)).ShouldBe(before);
    }

    [Fact]
    public async Task An_upload_without_a_file_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var form = new MultipartFormDataContent { { new StringContent("""{"Email":"email"}"""), "mapping" } };

        await (await tenant.Client.PostAsync("/api/v1/contacts/imports", form)).ShouldBeValidationProblemAsync("file");
    }

    [Fact]
    public async Task An_upload_that_is_not_a_form_is_a_400_or_415_problem()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostAsync("/api/v1/contacts/imports", new StringContent("Email\r\nana@x.test\r\n", Encoding.UTF8, "text/csv"));

        ((int)response.StatusCode).ShouldBeOneOf(400, 415);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    private static MultipartFormDataContent Upload(byte[] csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "contacts.csv");
        return form;
    }
}
