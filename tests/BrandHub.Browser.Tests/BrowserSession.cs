using BrandHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BrandHub.Browser.Tests;

/// <summary>The real host (see BrandHubHost) serving the built web app, and a headless Chromium page on it.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    /// <summary>The demo tenant's owner password, when a test seeds the demo tenant (DemoSeeder prints a random one otherwise).</summary>
    public const string DemoPassword = "demo horse battery staple";

    public BrandHubHost Host { get; } = new() { Settings = { ["BrandHub:Demo:AdminPassword"] = DemoPassword } };
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        if (!File.Exists(BrowserFactAttribute.ChromiumPath)) return; // the tests themselves skip or fail
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        // Web-first assertions wait as long as actions do: CI runs these beside the integration tests on two cores, where
        // a debounced live check plus its API call can take longer than Playwright's 5-second default.
        Assertions.SetDefaultExpectTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page, as a person would.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (playwright is not null) { await Browser.DisposeAsync(); playwright.Dispose(); }
        await Host.DisposeAsync();
    }
}
