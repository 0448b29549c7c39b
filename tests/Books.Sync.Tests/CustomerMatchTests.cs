using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>How a Billing customer finds its Books customer: by name when Books has it unlinked, whatever the Unicode form.</summary>
public class CustomerMatchTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Billing_name_in_decomposed_Unicode_links_the_Books_customer_of_the_same_composed_name()
    {
        const string Composed = "Caf\u00e9 Ren\u00e9e";
        const string Decomposed = "Cafe\u0301 Rene\u0301e";
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync(Decomposed);
        await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Books("customers", "add", Composed).ExitCode);

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 0, run.ToString());
        var only = Assert.Single(books.Read(r => r.Customers.List()));
        Assert.Equal(Composed, only.Name);
        Assert.NotNull(only.ExternalReference);
    }
}
