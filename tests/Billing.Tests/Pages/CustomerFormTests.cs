using System.Net;
using System.Text.RegularExpressions;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Testing;
using BillingBooks.Billing.Tests.Support;

namespace BillingBooks.Billing.Tests.Pages;

/// <summary>The customer form and the password fields, read and posted as a browser without JavaScript does.</summary>
public sealed partial class CustomerFormTests(SqliteBilling fixture) : ApiTestBase<SqliteBilling>(fixture)
{
    [Fact]
    public async Task The_language_is_chosen_from_those_Billing_takes_and_an_older_stored_one_is_shown_marked_so_it_can_be_changed()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var customer = await owner.OkAsync<CustomerResponse>(HttpMethod.Post, "api/v1/customers", new CustomerRequest("Vieux Montréal", null, null, null, null, "fr", null, null, null));
        using var browser = new PageClient(billing.BaseAddress);
        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();

        var blank = await HtmlAsync(browser, "customers/new");
        Assert.Matches("<form method=\"post\" id=\"customer-form\"[^>]* action=\"/customers/new\"", blank);
        Assert.Equal(["|—|selected", "en|English|", "fr|French|"], LanguageOptions(blank));

        Assert.Equal(["|—|", "en|English|", "fr|French|selected"], LanguageOptions(await HtmlAsync(browser, $"customers/{customer.Id}")));

        // What an older Billing could store: any text.
        await using (var db = Database.Sqlite(((BillingDatabase.Sqlite)billing.Database).Path))
        await using (var connection = await db.OpenAsync())
        {
            Assert.Equal(1, await Dapper.SqlMapper.ExecuteAsync(connection,
                "UPDATE customers SET doc = REPLACE(doc, '\"language\":\"fr\"', '\"language\":\"Français\"') WHERE account_id = @account",
                new { account = long.Parse(owner.AccountId, System.Globalization.CultureInfo.InvariantCulture) }));
        }

        var old = LanguageOptions(await HtmlAsync(browser, $"customers/{customer.Id}"));
        Assert.Equal(["|—|", "en|English|", "fr|French|"], old.Take(3));
        var kept = Assert.Single(old.Skip(3));
        Assert.StartsWith("Français|Français (no longer accepted", kept, StringComparison.Ordinal);
        Assert.EndsWith("|selected", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_that_fails_shows_the_customer_with_the_error_and_its_form_still_saves_rather_than_deletes()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        var first = await owner.CustomerAsync("Gone first");
        var customer = await owner.CustomerAsync("Stays Café");
        var account = long.Parse(owner.AccountId, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = Database.Sqlite(((BillingDatabase.Sqlite)billing.Database).Path);
        await using (var connection = await db.OpenAsync())
        {
            // A second deleted customer in these books collides: the API answers 409 (as when two requests race).
            await Dapper.SqlMapper.ExecuteAsync(connection, $"CREATE UNIQUE INDEX refuse_second_delete_{account} ON customers (account_id) WHERE deleted = 1 AND account_id = {account}");
        }

        try
        {
            using (var deleted = await owner.SendAsync(HttpMethod.Delete, $"api/v1/customers/{first.Id}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            using var browser = new PageClient(billing.BaseAddress);
            (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
            using var failed = await browser.SubmitAsync($"customers/{customer.Id}?handler=Delete", new Dictionary<string, string>());
            var html = WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync());
            Assert.True(failed.StatusCode == HttpStatusCode.OK, $"{(int)failed.StatusCode}: {html[..Math.Min(400, html.Length)]}");
            Assert.Contains("send yours again", html, StringComparison.Ordinal);
            Assert.Contains("<input type=\"text\" id=\"f-name\" name=\"name\" value=\"Stays Café\"", html, StringComparison.Ordinal);
            Assert.Contains("zoe@example.com", html, StringComparison.Ordinal);
            // Its own address, and its own antiforgery token (a form with an action of its own gets none unless asked).
            Assert.Matches(new Regex($"<form method=\"post\" id=\"customer-form\"[^>]* action=\"/customers/{customer.Id}\"[^>]*>((?!</form>).)*name=\"__RequestVerificationToken\"", RegexOptions.Singleline), html);
        }
        finally
        {
            await using var connection = await db.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, $"DROP INDEX refuse_second_delete_{account}");
        }

        Assert.Equal("Stays Café", (await owner.OkAsync<CustomerResponse>(HttpMethod.Get, $"api/v1/customers/{customer.Id}")).Name);
    }

    [Fact]
    public async Task The_password_fields_say_10_to_128_characters_and_take_no_more()
    {
        if (Billing is not { } billing)
        {
            return;
        }

        using var owner = await Api.ReadyAsync(billing);
        using var browser = new PageClient(billing.BaseAddress);
        var signup = await HtmlAsync(browser, "signup");
        Assert.Contains("10 to 128 characters", signup, StringComparison.Ordinal);
        Assert.Matches("<input type=\"password\" id=\"f-password\"[^>]* maxlength=\"128\"", signup);

        (await browser.SignInAsync(owner.Email, "correct horse battery")).Dispose();
        var password = await HtmlAsync(browser, "account/password");
        Assert.Contains("10 to 128 characters", password, StringComparison.Ordinal);
        Assert.Matches("<input type=\"password\" id=\"f-newPassword\"[^>]* maxlength=\"128\"", password);
    }

    private static async Task<string> HtmlAsync(PageClient browser, string path)
    {
        using var page = await browser.GetAsync(path);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)page.StatusCode} {html[..Math.Min(400, html.Length)]}");
        return html;
    }

    /// <summary>The language select's options as "value|text|selected".</summary>
    private static string[] LanguageOptions(string html)
    {
        var select = LanguageSelect().Match(html);
        Assert.True(select.Success, "no <select name=\"language\"> in the page");
        return [.. OptionTag().Matches(select.Value).Select(o => $"{o.Groups["value"].Value}|{o.Groups["text"].Value}|{(o.Groups["selected"].Success ? "selected" : "")}")];
    }

    [GeneratedRegex("<select [^>]*name=\"language\"[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex LanguageSelect();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"(?<selected> selected)?>(?<text>[^<]*)</option>")]
    private static partial Regex OptionTag();
}
