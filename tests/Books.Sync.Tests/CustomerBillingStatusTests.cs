using System.Text.Json;
using BillingBooks.Books.Sync.Tests.Support;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>A customer deleted in Billing stays in Books: `customers list` and `customers show` say so in every format.</summary>
public class CustomerBillingStatusTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    [Fact]
    public async Task Customers_list_and_show_mark_a_customer_deleted_in_Billing_in_every_format()
    {
        using var billing = await BillingAccount.SignUpAsync(fixture.Server);
        var gone = await billing.AddCustomerAsync("Gone Ltd");
        await billing.AddCustomerAsync("Kept Ltd");
        using var books = new BooksCompany();
        Assert.Equal(0, books.Books("customers", "add", "Local Ltd").ExitCode);
        Assert.Equal(0, books.Sync(fixture.Server, billing).ExitCode);
        await billing.DeleteCustomerAsync(gone.Id);
        Assert.Equal(0, books.WithPassword(billing.Password, "sync").ExitCode);

        var table = Ok(books.Books("customers", "list"));
        Assert.Contains("Billing", Line(table, "Name"), StringComparison.Ordinal);
        Assert.Contains("deleted in Billing", Line(table, "Gone Ltd"), StringComparison.Ordinal);
        Assert.DoesNotContain("deleted", Line(table, "Kept Ltd"), StringComparison.Ordinal);
        Assert.Contains("linked", Line(table, "Kept Ltd"), StringComparison.Ordinal);
        Assert.DoesNotContain("linked", Line(table, "Local Ltd"), StringComparison.Ordinal);

        var csv = Ok(books.Books("customers", "list", "--format", "csv"));
        Assert.EndsWith(",Billing", Line(csv, "Name"), StringComparison.Ordinal);
        Assert.EndsWith(",deleted in Billing", Line(csv, "Gone Ltd"), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Ok(books.Books("customers", "list", "--format", "json")));
        var byName = json.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => (Linked: c.GetProperty("linkedToBilling").GetBoolean(), Deleted: c.GetProperty("deletedInBilling").GetBoolean()));
        Assert.Equal((true, true), byName["Gone Ltd"]);
        Assert.Equal((true, false), byName["Kept Ltd"]);
        Assert.Equal((false, false), byName["Local Ltd"]);

        Assert.Contains("deleted in Billing", Line(Ok(books.Books("customers", "show", "Gone Ltd")), "billing"), StringComparison.Ordinal);
        using var shown = JsonDocument.Parse(Ok(books.Books("customers", "show", "Gone Ltd", "--format", "json")));
        Assert.True(shown.RootElement.GetProperty("deletedInBilling").GetBoolean());
    }

    private static string Ok(BooksRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }

    private static string Line(string output, string startingWith) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.TrimStart().StartsWith(startingWith, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line starting with {startingWith} in:\n{output}");
}
