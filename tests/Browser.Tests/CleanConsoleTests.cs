using BillingBooks.Billing.Testing;
using BillingBooks.Browser.Tests.Support;
using Microsoft.Playwright;

namespace BillingBooks.Browser.Tests;

/// <summary>Pages load without a failed request or a console error (the browser's icon included).</summary>
public class CleanConsoleTests
{
    [Fact]
    public async Task The_sign_in_page_and_the_dashboard_load_with_their_icon_and_no_failed_request_or_console_error()
    {
        if (!Chromium.Available(out var why))
        {
            Console.WriteLine("Skipped: " + why);
            return;
        }

        await using var billing = await BillingProcess.StartAsync();
        var (api, _) = await BillingApi.SignUpAsync(billing.BaseAddress, "console@example.com");
        using var __ = api;
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var ___ = browser;
        var page = await Chromium.NewPageAsync(browser, billing.BaseAddress);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };

        await page.GotoAsync("/login", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("input[name=email]", "console@example.com");
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(billing.BaseAddress.ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Playwright reports no event for the icon's own request: a missing one shows as the console's "Failed to load resource".
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var icon = await page.GetAttributeAsync("link[rel=icon]", "href");
        Assert.Equal("/assets/favicon.svg", icon);
        var served = await page.APIRequest.GetAsync(icon!);
        Assert.Equal((200, "image/svg+xml"), (served.Status, served.Headers["content-type"].Split(';')[0]));

        // Browsers and tools that ask for /favicon.ico on their own get the same icon.
        using var ico = await billing.Client.GetAsync(new Uri("favicon.ico", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/svg+xml", ico.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await ico.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }
}
