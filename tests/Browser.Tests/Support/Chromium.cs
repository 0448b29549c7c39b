using Microsoft.Playwright;

namespace BillingBooks.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright, headless, fully offline (no browser download: every
/// host but 127.0.0.1 resolves to nothing). In CI (CI=true) a missing Chromium fails; elsewhere the test skips.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Available(out string why)
    {
        if (File.Exists(Path))
        {
            why = "";
            return true;
        }

        why = $"Chromium is not installed at {Path} (apt-get install chromium).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI=true: " + why);
        }

        return false;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>A page in a fresh context (its own cookies) whose relative URLs go to <paramref name="baseAddress"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress, int width = 1280, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Generous: the machine is shared, and each test runs a billing process next to the browser.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Fills the address fields of the profile and customer forms.</summary>
    public static async Task FillAddressAsync(IPage page, string line1, string city, string province, string country, string? postalCode = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.FillAsync("input[name='address.line1']", line1);
        await page.FillAsync("input[name='address.city']", city);
        await page.FillAsync("input[name='address.province']", province);
        await page.FillAsync("input[name='address.postalCode']", postalCode ?? "");
        await page.FillAsync("input[name='address.country']", country);
    }

    public static string ScreenshotPath(string name)
    {
        var folder = System.IO.Path.Combine(Billing.Testing.BillingProcess.FindRepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, name + ".png");
    }
}
