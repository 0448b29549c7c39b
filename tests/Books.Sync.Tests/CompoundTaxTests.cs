using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>A tax Billing charges on another tax (PST-PE on the federal tax): the printed fix makes a code that computes the same.</summary>
public class CompoundTaxTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Fix_for_a_tax_charged_on_another_makes_a_code_whose_hand_invoices_compute_what_Billing_computes()
    {
        using var billing = await SignUpAsync(Server);
        await billing.SendAsync<ProfileDocument>(HttpMethod.Put, "api/v1/profile", new ProfileDocument("Acme Ltd", "Ann", new Address("1 Main St", null, "Charlottetown", "PE", "C1A 1A1", "CA"),
            null, null, null, "America/Halifax", "CAD", null, null, [new TaxDefinition("FED", "5", true, null), new TaxDefinition("PST-PE", "10", true, "FED")]));
        var customer = await billing.AddCustomerAsync("Islander");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "FED", "PST-PE"));
        Assert.Equal("115.50", invoice.Total); // 5.00 + 10% of 105.00
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);
        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts);
        Assert.Contains("PST-PE charged on FED", conflict.Problem, StringComparison.Ordinal);

        // The user runs exactly the commands the conflict gives, with a liability account for each new tax.
        foreach (var command in conflict.Fix!.Split(" && "))
        {
            var words = CommandWords(command.Replace("ACCOUNT", "2340", StringComparison.Ordinal));
            var ran = books.Books(words[3..]);
            Assert.True(ran.ExitCode == 0, ran.ToString());
        }
        var second = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(second.ExitCode == 0 && second.Report.Invoices.Imported == 1, second.ToString());

        var code = books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Lines.Single().TaxCode);
        var hand = books.Books("sales", "post", "--customer", "Islander", "--number", "H-1", "--date", "2026-03-03", "--line", $"Work;100.00;{code}");
        Assert.True(hand.ExitCode == 0, hand.ToString());
        Assert.Equal("115.50", books.Read(r => r.Sales.FindByNumber("H-1")!.Total.ToDecimalString()));
    }

    /// <summary>The words of a fix command as FixCommands writes them (plain words; none of these needs quotes).</summary>
    private static string[] CommandWords(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
