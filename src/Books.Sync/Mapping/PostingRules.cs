using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync.Mapping;

/// <summary>
/// SPEC 3.3/3.4: how one Billing record becomes Books postings, or which conflict (with its fix) keeps it out.
/// Pure: reads only the record, the company's setup and what the sync already imported. The record is one the client
/// checked (<see cref="Client.FeedItems"/>): every field read here is there and readable.
/// </summary>
public static class PostingRules
{
    public static CustomerDraft Customer(SourceRef source, Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The client refuses a page with a customer item that has no customer (FeedItems): here it would be a caller's bug.
        var document = change.Customer ?? throw new ArgumentException($"Feed item {source} has no customer.", nameof(change));
        // Composed (NFC), as typed in Books: "Café" sent decomposed (e + U+0301) is the same name, not a second customer.
        return new CustomerDraft(source, document.Name.Trim().Normalize(System.Text.NormalizationForm.FormC), document, change.Deleted);
    }

    /// <param name="customerRevenueAccount">The Books customer's default revenue account, when it has one.</param>
    public static Mapped<BillingSale> Invoice(SourceRef source, InvoiceDocument invoice, BooksSetup setup, int? customerRevenueAccount)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(setup);
        var label = $"Invoice {invoice.Number}";
        var currency = Resolve(source, label, invoice.Currency, invoice.Date, setup, out var rate, out var currencyIssue);
        if (currencyIssue is not null) return currencyIssue;

        var taxes = new Dictionary<string, InvoiceTaxDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var tax in invoice.Taxes) taxes[tax.Name] = tax;

        var revenue = customerRevenueAccount ?? setup.Accounts.TrackSales;
        var lines = new List<BillingSaleLine>();
        foreach (var line in invoice.Lines.OrderBy(l => l.Position))
        {
            var wanted = line.Taxes
                .Select(name => taxes.TryGetValue(name, out var t) ? new TaxRate(t.Name, FeedValues.Rate(t.Rate)) : new TaxRate(name, 0m))
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var code = MatchTaxCode(setup.TaxCodes, wanted);
            if (code is null)
            {
                // A tax Billing charges on another (PST-PE on GST): in Books the other one is "taxable by other taxes".
                var compound = line.Taxes.Select(name => taxes.GetValueOrDefault(name)).OfType<InvoiceTaxDocument>()
                    .Where(t => t.ChargedOn is { } on && line.Taxes.Contains(on, StringComparer.OrdinalIgnoreCase))
                    .Select(t => (Tax: t.Name, On: t.ChargedOn!)).ToList();
                var what = wanted.Count == 0 ? "a tax code without tax"
                    : "a tax code with exactly " + string.Join(" + ", wanted) + (compound.Count == 0 ? "" : $" ({string.Join(", ", compound.Select(c => $"{c.Tax} charged on {c.On}"))})");
                var notCompound = compound.Select(c => c.On).Where(on => setup.TaxNames.Contains(on) && !setup.TaxableByOthers.Contains(on)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (notCompound.Count > 0)
                {
                    // Not part of the fix: "taxable by other taxes" is one setting per tax in Books, so turning it on for GST
                    // would charge every other tax in a code with GST on GST too (BC's PST is not). The user decides.
                    what += $"; {string.Join(", ", notCompound)} in Books is not taxable by other taxes, so invoices entered in Books with that code will " +
                        "compute less tax than Billing (this invoice posts Billing's amounts); if every code with " + string.Join(", ", notCompound) +
                        " should charge its other taxes on it, " + string.Join(" && ", notCompound.Select(t => $"books --file {FixCommands.Quote(setup.File)} taxes edit {FixCommands.Quote(t)} --taxable-by-others on"));
                }
                return new SyncIssue(source.Record, source.Version, label, $"line {line.Position} needs {what}",
                    FixCommands.TaxCode(setup, wanted, compound.Select(c => c.On).ToHashSet(StringComparer.OrdinalIgnoreCase)));
            }
            var description = string.Join(" ", new[] { line.Unit, line.Description }.Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add(new BillingSaleLine(description, FeedValues.Amount(line.DiscountedAmount, currency), code, revenue));
        }

        var taxAmounts = invoice.Taxes
            .Select(t => new BillingTax(t.Name, FeedValues.Rate(t.Rate), FeedValues.Amount(t.Amount, currency)))
            .Where(t => !t.Amount.IsZero)
            .ToList();
        var total = FeedValues.Amount(invoice.Total, currency);
        var posted = Money.Money.Sum(lines.Select(l => l.Amount), currency) + Money.Money.Sum(taxAmounts.Select(t => t.Amount), currency);
        if (posted != total)
        {
            // Billing's own arithmetic disagrees with its total: posting either figure would hide it.
            return new SyncIssue(source.Record, source.Version, label,
                $"its discounted lines plus taxes make {posted} but its total is {total}; correct the invoice in Billing, then sync again", null);
        }

        return new BillingSale(source, invoice.CustomerId, invoice.Number, invoice.Date, invoice.DueDate, currency.Code, rate,
            lines, taxAmounts, total, invoice.Description ?? invoice.Reference);
    }

    /// <param name="invoiceLabel">For an invoice the payment applies to: null when it is posted in Books
    /// (the payment can go), else how to name it ("Invoice 1042, in conflict").</param>
    public static Mapped<BillingReceipt> Payment(SourceRef source, PaymentDocument payment, BooksSetup setup, Func<string, string?> invoiceLabel)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(invoiceLabel);
        var label = PaymentLabel(payment);
        foreach (var application in payment.Applications)
        {
            if (invoiceLabel(application.InvoiceId) is { } waiting)
                return new SyncIssue(source.Record, source.Version, label, $"waits for {waiting}", "fix that invoice's conflict; this payment follows at the next sync", application.InvoiceId);
        }

        var currency = Resolve(source, label, payment.Currency, payment.Date, setup, out var rate, out var currencyIssue);
        if (currencyIssue is not null) return currencyIssue;

        int? account = null;
        string? card = null;
        switch (payment.Method)
        {
            case PaymentMethods.Cash or PaymentMethods.Cheque:
                account = setup.Accounts.TrackPayments;
                break;
            case PaymentMethods.CreditCard:
                var brand = payment.CardBrand ?? "unknown";
                card = MatchCard(setup.CardNames, brand);
                if (card is null)
                    return new SyncIssue(source.Record, source.Version, label, $"paid by {brand} card, which is not in Credit Cards Accepted", FixCommands.CreditCard(setup.File, brand));
                break;
            case PaymentMethods.PayPal:
                account = setup.Accounts.PayPal;
                if (account is null)
                    return new SyncIssue(source.Record, source.Version, label, "paid by PayPal, which has no deposit account yet", FixCommands.PaymentAccount(setup.File, "--paypal-account"));
                break;
            default:
                account = setup.Accounts.OtherPayments;
                if (account is null)
                    return new SyncIssue(source.Record, source.Version, label, $"paid by {payment.Method}, which has no deposit account yet", FixCommands.PaymentAccount(setup.File, "--other-payments-account"));
                break;
        }

        var allocations = payment.Applications.Select(a => new BillingAllocation(a.InvoiceId, FeedValues.Amount(a.Amount, currency))).ToList();
        return new BillingReceipt(source, payment.CustomerId, payment.Date, FeedValues.Amount(payment.Amount, currency), payment.Method,
            account, card, rate, allocations, ReceiptReference(payment));
    }

    /// <summary>The receipt's reference: a cheque's number first (what the customer wrote on it), else Billing's reference.</summary>
    public static string? ReceiptReference(PaymentDocument payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.Method == PaymentMethods.Cheque ? payment.ChequeNumber ?? payment.Reference : payment.Reference ?? payment.ChequeNumber;
    }

    public static string PaymentLabel(PaymentDocument payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return string.Create(CultureInfo.InvariantCulture, $"Payment {payment.Reference ?? payment.ChequeNumber ?? payment.Id} of {payment.Date:yyyy-MM-dd}");
    }

    /// <summary>The code whose taxes are exactly <paramref name="wanted"/> (names case-insensitive, equal rates).</summary>
    public static string? MatchTaxCode(IReadOnlyList<TaxCodeSetup> codes, IReadOnlyList<TaxRate> wanted)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(wanted);
        foreach (var code in codes.OrderBy(c => c.Code.Length).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            if (code.Taxes.Count != wanted.Count) continue;
            if (wanted.All(w => code.Taxes.Any(t => string.Equals(t.Name, w.Name, StringComparison.OrdinalIgnoreCase) && t.Rate == w.Rate)))
                return code.Code;
        }
        return null;
    }

    /// <summary>Credit Cards Accepted entry for a Billing brand; the original's "american_expr" also counts.</summary>
    public static string? MatchCard(IReadOnlyList<string> cardNames, string brand)
    {
        ArgumentNullException.ThrowIfNull(cardNames);
        var wanted = Normalize(brand);
        var aliases = wanted == CardBrands.AmericanExpress ? new[] { wanted, "american_expr" } : new[] { wanted };
        return cardNames.FirstOrDefault(name => aliases.Contains(Normalize(name), StringComparer.Ordinal));
    }

    private static string Normalize(string name) =>
        name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static Currency Resolve(SourceRef source, string label, string code, DateOnly date, BooksSetup setup, out decimal rate, out SyncIssue? issue)
    {
        rate = 1m;
        issue = null;
        if (!Currency.TryGet(code, out var currency))
        {
            issue = new SyncIssue(source.Record, source.Version, label, $"its currency {code} is not an ISO 4217 currency Books knows", null);
            return setup.Home;
        }
        if (currency == setup.Home) return currency;
        // One fix that removes every cause at once: turning foreign currency on, adding the currency and giving
        // it a rate, as far as each is missing, so the user never fixes one only to meet the next.
        var known = setup.ForeignCurrencies.Contains(code);
        var found = known ? setup.ExchangeRate(currency, date) : null;
        var steps = new List<string>();
        if (!setup.AllowForeignCurrency) steps.Add(FixCommands.AllowForeignCurrency(setup.File));
        if (!known) steps.Add(FixCommands.Currency(setup.File, code));
        if (found is null) steps.Add(FixCommands.Rate(setup.File, code, date));
        if (steps.Count > 0)
        {
            var problem = !setup.AllowForeignCurrency ? $"it is in {code} and Allow transactions in a foreign currency is off"
                : !known ? $"{code} is not one of the company's foreign currencies"
                : $"no exchange rate for {code} on or before {date:yyyy-MM-dd} (Books takes the latest rate set on or before a document's date)";
            issue = new SyncIssue(source.Record, source.Version, label, problem, string.Join(" && ", steps));
            return currency;
        }

        rate = found!.Value;
        return currency;
    }
}
