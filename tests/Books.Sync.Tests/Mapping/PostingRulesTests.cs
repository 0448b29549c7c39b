using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Mapping;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync.Tests.Mapping;

public class PostingRulesTests
{
    private static readonly SourceRef Source = new("ds", ChangeKinds.Invoice, "inv-1", 1);

    private static BooksSetup Setup(bool foreign = false, params TaxCodeSetup[] codes) => new(
        "acme.books", Currency.CAD, CashBasis: false, AllowForeignCurrency: foreign, new HashSet<string> { "USD" },
        codes.Length == 0 ? [new TaxCodeSetup("", []), new TaxCodeSetup("GP", [new TaxRate("GST", 5m), new TaxRate("PST", 7m)])] : codes,
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "GST", "PST", "HST", "QST" },
        ["Visa", "American Expr"], new SyncAccounts(4100, 1060, null, 1070),
        (c, d) => c.Code == "USD" && d >= new DateOnly(2026, 1, 1) ? 1.35m : null);

    private static InvoiceDocument Invoice(string currency = "CAD", params InvoiceLineDocument[] lines) => new(
        "inv-1", "cus-1", "1042", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, null, currency, InvoiceStatuses.Sent,
        lines.Length == 0 ? [new InvoiceLineDocument(1, null, "Work", "1", "100.00", "100.00", "90.00", ["GST", "PST"]), new InvoiceLineDocument(2, null, "Fee", "1", "10.00", "10.00", "9.00", [])] : lines,
        [new InvoiceTaxDocument("GST", "5", null, "4.50"), new InvoiceTaxDocument("PST", "7", null, "6.30")],
        "110.00", "11.00", "109.80", "0.00", "109.80");

    [Fact]
    public void Invoice_posts_discounted_lines_and_Billings_tax_amounts_to_the_invoice_total()
    {
        var sale = PostingRules.Invoice(Source, Invoice(), Setup(), customerRevenueAccount: null).Draft!;
        Assert.Equal(["GP", ""], sale.Lines.Select(l => l.TaxCode));
        Assert.Equal([Money.Money.Of(90m, Currency.CAD), Money.Money.Of(9m, Currency.CAD)], sale.Lines.Select(l => l.Amount));
        Assert.All(sale.Lines, l => Assert.Equal(4100, l.RevenueAccount));
        Assert.Equal(Money.Money.Of(10.80m, Currency.CAD), Money.Money.Sum(sale.Taxes.Select(t => t.Amount), Currency.CAD));
        Assert.Equal(Money.Money.Of(109.80m, Currency.CAD), sale.Total);
    }

    [Fact]
    public void Customer_default_revenue_account_wins_over_Track_Sales()
    {
        var sale = PostingRules.Invoice(Source, Invoice(), Setup(), customerRevenueAccount: 4200).Draft!;
        Assert.All(sale.Lines, l => Assert.Equal(4200, l.RevenueAccount));
    }

    [Fact]
    public void Missing_tax_code_names_the_exact_taxes_and_the_command_that_creates_it()
    {
        var issue = PostingRules.Invoice(Source, Invoice(), Setup(false, new TaxCodeSetup("", [])), null).Issue!;
        Assert.Equal("Invoice 1042: line 1 needs a tax code with exactly GST 5% + PST 7%: books --file acme.books tax-codes add G5P7 --tax GST:5 --tax PST:7", issue.Message);
    }

    [Fact]
    public void Missing_code_for_a_tax_charged_on_a_tax_Books_has_says_that_Books_does_not_charge_others_on_it()
    {
        var invoice = Invoice() with
        {
            Lines = [new InvoiceLineDocument(1, null, "Work", "1", "100.00", "100.00", "100.00", ["GST", "PST-PE"])],
            Taxes = [new InvoiceTaxDocument("GST", "5", null, "5.00"), new InvoiceTaxDocument("PST-PE", "10", "GST", "10.50")],
            Subtotal = "100.00", Discount = "0.00", Total = "115.50", Paid = "0.00", Owing = "115.50",
        };
        var issue = PostingRules.Invoice(Source, invoice, Setup(), null).Issue!;
        Assert.Equal("line 1 needs a tax code with exactly GST 5% + PST-PE 10% (PST-PE charged on GST); GST in Books is not taxable by other taxes, " +
            "so invoices entered in Books with that code will compute less tax than Billing (this invoice posts Billing's amounts); if every code with GST " +
            "should charge its other taxes on it, books --file acme.books taxes edit GST --taxable-by-others on", issue.Problem);
        Assert.Equal("books --file acme.books taxes add PST-PE --account ACCOUNT && books --file acme.books tax-codes add G5P10 --tax GST:5 --tax PST-PE:10", issue.Fix);
    }

    [Fact]
    public void Suggested_tax_code_never_takes_a_code_the_company_already_has()
    {
        var taken = new TaxCodeSetup("G5P7", [new TaxRate("GST", 5m), new TaxRate("PST", 8m)]);
        var issue = PostingRules.Invoice(Source, Invoice(), Setup(false, new TaxCodeSetup("", []), taken), null).Issue!;
        Assert.EndsWith("tax-codes add G5P7-2 --tax GST:5 --tax PST:7", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_tax_sets_get_different_suggested_codes()
    {
        var pst7 = FixCommands.TaxCode(Setup(), [new TaxRate("PST", 7m)]);
        var pst10 = FixCommands.TaxCode(Setup(), [new TaxRate("PST", 10m)]);
        Assert.EndsWith("tax-codes add P7 --tax PST:7", pst7, StringComparison.Ordinal);
        Assert.EndsWith("tax-codes add P10 --tax PST:10", pst10, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggested_tax_codes_fit_what_Books_takes_even_when_the_spelled_code_is_taken()
    {
        IReadOnlyList<TaxRate> three = [new TaxRate("GST", 5m), new TaxRate("QST", 9.975m), new TaxRate("Eco fee", 1.5m)];
        Assert.EndsWith("tax-codes add G5Q9.975E1.5 --tax GST:5 --tax QST:9.975 --tax 'Eco fee:1.5'", FixCommands.TaxCode(Setup(), three), StringComparison.Ordinal);

        var taken = Setup(false, new TaxCodeSetup("G5Q9.975E1.5", [new TaxRate("GST", 5m)]), new TaxCodeSetup("GQE-2", [new TaxRate("GST", 5m)]));
        var fix = FixCommands.TaxCode(taken, three);
        Assert.Contains("tax-codes add GQE-3 --tax", fix, StringComparison.Ordinal);
        Assert.True("GQE-3".Length <= Books.Taxes.TaxCodes.MaxLength);
    }

    [Fact]
    public void A_tax_Books_does_not_have_is_added_first_in_the_fix()
    {
        var fix = FixCommands.TaxCode(Setup(), [new TaxRate("Eco fee", 1.5m), new TaxRate("GST", 5m)]);
        Assert.Equal("books --file acme.books taxes add 'Eco fee' --account ACCOUNT && books --file acme.books tax-codes add E1.5G5 --tax 'Eco fee:1.5' --tax GST:5", fix);
    }

    [Fact]
    public void A_line_without_tax_needs_a_code_without_tax()
    {
        var issue = PostingRules.Invoice(Source, Invoice(), Setup(false, new TaxCodeSetup("GP", [new TaxRate("GST", 5m), new TaxRate("PST", 7m)])), null).Issue!;
        Assert.Contains("line 2 needs a tax code without tax", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_with_the_same_names_but_another_rate_does_not_match()
    {
        var codes = new[] { new TaxCodeSetup("", []), new TaxCodeSetup("GP", [new TaxRate("GST", 5m), new TaxRate("PST", 8m)]) };
        Assert.NotNull(PostingRules.Invoice(Source, Invoice(), Setup(false, codes), null).Issue);
    }

    [Fact]
    public void Foreign_invoice_needs_foreign_currency_on_then_a_rate_for_its_date()
    {
        var off = PostingRules.Invoice(Source, Invoice("USD"), Setup(foreign: false), null).Issue!;
        Assert.EndsWith("books --file acme.books settings set --allow-foreign-currency on", off.Message, StringComparison.Ordinal);
        var early = Invoice("USD") with { Date = new DateOnly(2025, 12, 1) };
        var noRate = PostingRules.Invoice(Source, early, Setup(foreign: true), null).Issue!;
        Assert.Contains("no exchange rate for USD on or before 2025-12-01 (Books takes the latest rate set on or before a document's date): books --file acme.books rates set USD 2025-12-01 RATE", noRate.Message, StringComparison.Ordinal);
        Assert.Equal(1.35m, PostingRules.Invoice(Source, Invoice("USD"), Setup(foreign: true), null).Draft!.ExchangeRate);
    }

    [Fact]
    public void One_fix_turns_foreign_currency_on_adds_the_currency_and_its_rate_as_far_as_each_is_missing()
    {
        var gbp = Invoice("GBP");
        var off = PostingRules.Invoice(Source, gbp, Setup(foreign: false), null).Issue!;
        Assert.Equal(
            "books --file acme.books settings set --allow-foreign-currency on && books --file acme.books currencies add GBP && books --file acme.books rates set GBP 2026-03-01 RATE",
            off.Fix);
        var unknown = PostingRules.Invoice(Source, gbp, Setup(foreign: true), null).Issue!;
        Assert.Equal("books --file acme.books currencies add GBP && books --file acme.books rates set GBP 2026-03-01 RATE", unknown.Fix);
        Assert.Contains("GBP is not one of the company's foreign currencies", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visa", "Visa")]
    [InlineData("american_express", "American Expr")]
    [InlineData("master", null)]
    public void Card_brand_matches_a_Credit_Cards_Accepted_name(string brand, string? card)
    {
        Assert.Equal(card, PostingRules.MatchCard(["Visa", "American Expr"], brand));
    }

    [Fact]
    public void Payment_by_unknown_card_or_unmapped_PayPal_is_a_conflict_with_its_fix()
    {
        var payment = new PaymentDocument("pay-1", "cus-1", new DateOnly(2026, 3, 5), "10.00", "CAD", PaymentMethods.CreditCard, "master", null, null, [new PaymentApplicationDocument("inv-1", "10.00")]);
        var source = new SourceRef("ds", ChangeKinds.Payment, "pay-1", 1);
        var card = PostingRules.Payment(source, payment, Setup(), _ => null).Issue!;
        Assert.Contains("books --file acme.books credit-cards add master", card.Message, StringComparison.Ordinal);
        var paypal = PostingRules.Payment(source, payment with { Method = PaymentMethods.PayPal, CardBrand = null }, Setup(), _ => null).Issue!;
        Assert.Contains("settings billing-sync --paypal-account ACCOUNT", paypal.Message, StringComparison.Ordinal);
        var other = PostingRules.Payment(source, payment with { Method = PaymentMethods.Other, CardBrand = null }, Setup(), _ => null).Draft!;
        Assert.Equal(1070, other.DepositAccount);
    }

    [Fact]
    public void Payment_waits_for_an_invoice_in_conflict()
    {
        var payment = new PaymentDocument("pay-1", "cus-1", new DateOnly(2026, 3, 5), "10.00", "CAD", PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument("inv-1", "10.00")]);
        var issue = PostingRules.Payment(new SourceRef("ds", ChangeKinds.Payment, "pay-1", 1), payment, Setup(), _ => "Invoice 1042, which is in conflict").Issue!;
        Assert.Contains("waits for Invoice 1042", issue.Message, StringComparison.Ordinal);
    }
}
