using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>
/// The sales journal: an invoice posts Dr Accounts Receivable (total), Cr revenue per line, Cr each tax's account.
/// Foreign invoices carry home amounts plus the foreign amount and rate on every line: the receivable is the total
/// converted once, as a receipt of that total at the same rate is, so paying at an unchanged rate books no exchange
/// difference; each revenue and tax line is converted on its own (tax accounts keep what each tax converts to), and
/// the cents by which those conversions miss the receivable go to the Rounding linked account.
/// </summary>
public sealed class SalesJournal
{
    private const string InvoiceColumns = "entry_id AS Entry, customer_id AS Customer, number, date, due_date AS DueDate, currency, rate, subtotal, total, home_total AS HomeTotal, owing, home_owing AS HomeOwing, reversed";

    private readonly BooksRead _scope;

    internal SalesJournal(BooksRead scope) => _scope = scope;

    public Result<Invoice> Post(SaleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _scope.RequireWrite();
        var plan = Plan(draft);
        if (!plan.TryGetValue(out var p, out var error))
        {
            return error;
        }

        var linked = _scope.Linked;
        var lines = new List<PostingLine>(p.Lines.Count + p.Taxes.Count + 2);
        var homeTotal = Documents.Home(p.Total, p.Currency);
        long credited = 0;
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            var home = Documents.Home(line.Amount, p.Currency);
            if (BeyondLimitAtHome(home))
            {
                return AtHome(home, $"Invoice line {i + 1}");
            }

            credited = checked(credited + home);
            lines.Add(Documents.Line(line.RevenueAccount.Value, -home, -line.Amount.MinorUnits, p.Currency, line.Description));
        }

        var taxAccounts = _scope.Taxes.List().ToDictionary(t => t.Name, t => t.Account, StringComparer.OrdinalIgnoreCase);
        var homeTaxes = new List<long>();
        foreach (var tax in p.Taxes)
        {
            var home = Documents.Home(tax.Amount, p.Currency);
            if (BeyondLimitAtHome(home))
            {
                return AtHome(home, $"The invoice's {tax.TaxName}");
            }

            homeTaxes.Add(home);
            credited = checked(credited + home);
            lines.Add(Documents.Line(taxAccounts[tax.TaxName].Value, -home, -tax.Amount.MinorUnits, p.Currency, tax.TaxName));
        }

        // Only a foreign invoice can differ (a cent or so per line): a home one's lines add up to its total exactly.
        if (credited != homeTotal)
        {
            lines.Add(new PostingLine(linked.Rounding.Value, credited - homeTotal, Memo: "Rounding"));
        }

        lines.Insert(0, Documents.Line(linked.AccountsReceivable.Value, homeTotal, p.Total.MinorUnits, p.Currency, "Invoice " + p.Number));
        var memo = draft.Memo ?? $"Invoice {p.Number} to {p.Customer.Name}";
        if (!Ledger.Post(_scope, EntryKind.Sale, draft.Date, memo, p.Customer.Id, null, lines, $"sale: invoice {p.Number} to {p.Customer.Name}, {p.Total}").TryGetValue(out var entry, out var beyond))
        {
            return beyond;
        }

        // Prepared once per scope: a sync posts its invoices through here one after another.
        _scope.Prepared(
                "INSERT INTO invoice (entry_id, customer_id, number, date, due_date, currency, rate, subtotal, total, home_total, owing, home_owing) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)")
            .Add(entry.Value).Add(p.Customer.Id.Value).Add(p.Number).Add(SqlFormats.Date(draft.Date)).Add(SqlFormats.Date(p.DueDate))
            .Add(p.Currency.Currency.Code).Add(SqlFormats.Decimal(p.Currency.Rate)).Add(p.Subtotal.MinorUnits).Add(p.Total.MinorUnits).Add(homeTotal)
            .Run();
        var insertLine = _scope.Prepared("INSERT INTO invoice_line (entry_id, line_no, description, amount, tax_code, account) VALUES (?, ?, ?, ?, ?, ?)");
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            insertLine.Add(entry.Value).Add(i + 1).Add(line.Description).Add(line.Amount.MinorUnits).Add(line.TaxCode).Add(line.RevenueAccount.Value).Run();
        }

        var insertTax = _scope.Prepared("INSERT INTO invoice_tax (entry_id, tax_id, account, amount, home_amount) SELECT ?1, id, account, ?2, ?3 FROM tax WHERE name = ?4 COLLATE NOCASE");
        for (var i = 0; i < p.Taxes.Count; i++)
        {
            insertTax.Add(entry.Value).Add(p.Taxes[i].Amount.MinorUnits).Add(homeTaxes[i]).Add(p.Taxes[i].TaxName).Run();
        }

        var booked = Money.Money.FromMinorUnits(homeTotal, _scope.Company.HomeCurrency);
        return new Invoice(entry, p.Customer.Id, p.Number, draft.Date, p.DueDate, p.Currency.Currency, p.Currency.Rate, p.Lines, p.Taxes, p.Subtotal, p.Total, p.Total, booked, booked, Reversed: false);
    }

    /// <summary>
    /// A line within the limit in a foreign currency may convert beyond it at home (a rate may be up to 1,000,000):
    /// refused as it is converted, before lines like it are added up beyond what a long holds (ten would be).
    /// Compared in minor units: this runs for every line posted, the message is only made for a refusal.
    /// </summary>
    private static bool BeyondLimitAtHome(long home) => home is > AmountLimit.MaxMinorUnits or < -AmountLimit.MaxMinorUnits;

    private AmountBeyondLimit AtHome(long home, string what)
    {
        var currency = _scope.Company.HomeCurrency;
        return new AmountBeyondLimit($"{what} in {currency.Code}", Money.Money.FromMinorUnits(home, currency), AmountLimit.Max(currency));
    }

    public Result<Invoice> Get(EntryId entry)
    {
        var row = _scope.QuerySingleOrDefault<InvoiceRow>($"SELECT {InvoiceColumns} FROM invoice WHERE entry_id = @Value", new { entry.Value });
        return row is null ? new UnknownInvoice("of entry " + entry) : Load([row])[0];
    }

    /// <summary>The invoice in force (not reversed) with this number, or null.</summary>
    public Invoice? FindByNumber(string number)
    {
        var row = _scope.QuerySingleOrDefault<InvoiceRow>($"SELECT {InvoiceColumns} FROM invoice WHERE number = @Number COLLATE NOCASE AND reversed = 0", new { Number = number?.Trim() });
        return row is null ? null : Load([row])[0];
    }

    /// <summary>Whether an invoice in force has this (trimmed) number: what <see cref="FindByNumber"/> finds, without loading it.</summary>
    private bool NumberInUse(string number) =>
        _scope.Prepared("SELECT 1 FROM invoice WHERE number = ? COLLATE NOCASE AND reversed = 0").Add(number).First(_ => true);

    /// <summary>A customer's invoices by date (in force only, and only those still owing when <paramref name="openOnly"/>).</summary>
    public IReadOnlyList<Invoice> ForCustomer(CustomerId customer, bool openOnly = false) =>
        Load(_scope.Query<InvoiceRow>(
            $"SELECT {InvoiceColumns} FROM invoice WHERE customer_id = @Value AND reversed = 0 {(openOnly ? "AND owing <> 0" : "")} ORDER BY date, entry_id",
            new { customer.Value }).ToArray());

    /// <summary>Every invoice (reversed ones too) dated in [from, to].</summary>
    public IReadOnlyList<Invoice> List(DateOnly from, DateOnly to) =>
        Load(_scope.Query<InvoiceRow>(
            $"SELECT {InvoiceColumns} FROM invoice WHERE date >= @From AND date <= @To ORDER BY date, entry_id",
            new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) }).ToArray());

    /// <summary>Every invoice whose reversal is dated in [from, to].</summary>
    internal IReadOnlyList<Invoice> ReversedBetween(DateOnly from, DateOnly to) =>
        Load(_scope.Query<InvoiceRow>(
            $"SELECT {InvoiceColumns} FROM invoice WHERE entry_id IN (SELECT reverses FROM entry WHERE kind = 'reversal' AND date >= @From AND date <= @To) ORDER BY entry_id",
            new { From = SqlFormats.Date(from), To = SqlFormats.Date(to) }).ToArray());

    /// <summary>
    /// Reverses the invoice (on its own date, or the replacement's when its own is locked) and posts
    /// <paramref name="replacement"/>; refused while receipts are allocated to it.
    /// </summary>
    public Result<Adjusted<Invoice>> Adjust(EntryId invoice, SaleDraft replacement, string reason)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return _scope.Entries.ReverseOfKind(invoice, EntryKind.Sale, replacement.Date, reason)
            .Then(reversal => Post(replacement).Map(posted => new Adjusted<Invoice>(reversal, posted)));
    }

    /// <summary>
    /// What a receipt needs of the invoice it pays (no lines or taxes), by a statement prepared once per scope:
    /// receipts are posted one after another by a sync. Null when there is no such invoice.
    /// </summary>
    internal InvoiceBalance? Balance(EntryId entry)
    {
        var home = _scope.Company.HomeCurrency;
        return _scope.Prepared("SELECT customer_id, number, date, currency, owing, home_owing, reversed FROM invoice WHERE entry_id = ?")
            .Add(entry.Value)
            .First(row =>
            {
                var currency = Currency.Get(row.Text(3));
                return new InvoiceBalance(
                    new CustomerId(row.Long(0)),
                    row.Text(1),
                    SqlFormats.Date(row.Text(2)),
                    currency,
                    Money.Money.FromMinorUnits(row.Long(4), currency),
                    Money.Money.FromMinorUnits(row.Long(5), home),
                    row.Long(6) != 0);
            });
    }

    /// <summary>Refuses while receipts in force are allocated to the invoice: reversing it would leave them paying nothing.</summary>
    internal Result<Unit> CheckNoReceipts(EntryId entry)
    {
        var receipts = _scope.Query<long>(
            "SELECT a.receipt_id FROM allocation a JOIN receipt r ON r.entry_id = a.receipt_id WHERE a.invoice_id = @Value AND r.reversed = 0 ORDER BY a.receipt_id",
            new { entry.Value }).Select(r => new EntryId(r)).ToArray();
        return receipts.Length > 0 ? new InvoiceHasReceipts(Get(entry).Value.Number, receipts) : Unit.Value;
    }

    /// <summary>Called by <see cref="EntryLedger.Reverse"/> (after <see cref="CheckNoReceipts"/>): marks the invoice reversed.</summary>
    internal Result<Unit> MarkReversed(EntryId entry)
    {
        _scope.Execute("UPDATE invoice SET reversed = 1 WHERE entry_id = @Value", new { entry.Value });
        return Unit.Value;
    }

    private Result<SalePlan> Plan(SaleDraft draft)
    {
        if (!_scope.Customers.Get(draft.Customer).TryGetValue(out var customer, out var error))
        {
            return error;
        }

        if (!customer.Active)
        {
            return new InactiveCustomer(customer.Name);
        }

        var number = (draft.Number ?? "").Trim();
        if (number.Length == 0)
        {
            return new InvalidInput("invoice number", "an invoice needs a number, e.g. 1001.");
        }

        if (NumberInUse(number))
        {
            return new DuplicateInvoiceNumber(number);
        }

        var inYear = Ledger.CheckDate(_scope, draft.Date);
        if (!inYear.IsOk)
        {
            return inYear.Error;
        }

        var due = draft.DueDate ?? draft.Date.AddDays(customer.TermsDays);
        if (due < draft.Date)
        {
            return new InvalidInput("due date", $"the due date {SqlFormats.Date(due)} is before the invoice date {SqlFormats.Date(draft.Date)}; give a due date on or after it.");
        }

        if (!Documents.CurrencyOf(_scope, draft.Currency ?? customer.Currency, draft.Date, draft.ExchangeRate).TryGetValue(out var currency, out error))
        {
            return error;
        }

        if (draft.Lines.Count == 0)
        {
            return new InvalidInput("invoice lines", "an invoice needs at least one line with an amount.");
        }

        var lines = new List<InvoiceLine>();
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var line = draft.Lines[i];
            if (line.Amount.Currency != currency.Currency)
            {
                return new CurrencyMismatch(currency.Currency.Code, line.Amount.Currency.Code, $"Invoice line {i + 1}");
            }

            if (!AmountLimit.Check(line.Amount, $"Invoice line {i + 1}").TryGetValue(out _, out error))
            {
                return error;
            }

            var account = line.RevenueAccount ?? customer.RevenueAccount ?? _scope.Linked.DefaultRevenue;
            if (!Ledger.CheckAccount(_scope, account).TryGetValue(out var revenue, out error))
            {
                return error;
            }

            if (revenue.Type != AccountType.Revenue)
            {
                return new WrongAccountType(account.Value, $"the revenue account of invoice line {i + 1}", "revenue");
            }

            var code = (line.TaxCode ?? customer.TaxCode ?? "").Trim();
            if (!_scope.TaxCodes.Get(code).IsOk)
            {
                return new UnknownTaxCode(code);
            }

            lines.Add(new InvoiceLine(line.Description ?? "", line.Amount, code, account));
        }

        if (!Taxes(draft, lines, currency.Currency).TryGetValue(out var unordered, out error))
        {
            return error;
        }

        // In set-up order, as Get reads them back.
        var rank = _scope.Taxes.List().Select((t, i) => (t.Name, i)).ToDictionary(t => t.Name, t => t.i, StringComparer.OrdinalIgnoreCase);
        var taxes = unordered.OrderBy(t => rank[t.TaxName]).ToArray();

        var subtotal = Money.Money.Sum(lines.Select(l => l.Amount), currency.Currency);
        var total = subtotal + Money.Money.Sum(taxes.Select(t => t.Amount), currency.Currency);
        foreach (var (amount, what) in taxes.Select(t => (t.Amount, $"The invoice's {t.TaxName}")).Append((subtotal, "The invoice's subtotal")).Append((total, "The invoice's total")))
        {
            if (!AmountLimit.Check(amount, what).TryGetValue(out _, out error))
            {
                return error;
            }
        }

        if (total.IsNegative)
        {
            return new InvalidInput("invoice total", $"the total {total} is negative; an invoice cannot be a credit. Reverse or adjust the original invoice instead.");
        }

        // An invoice of nothing would post an entry of nothing: like Simply, refuse it.
        if (total.IsZero)
        {
            return new InvalidInput("invoice total", $"the total is {total}, so the invoice charges nothing. Give the lines their amounts; a sale that is free needs no invoice in the books.");
        }

        // Revenue accounts are checked line by line above; a tax's account is where its amount goes.
        var taxAccounts = _scope.Taxes.List().ToDictionary(t => t.Name, t => t.Account, StringComparer.OrdinalIgnoreCase);
        foreach (var tax in taxes.Where(t => !t.Amount.IsZero))
        {
            var account = taxAccounts[tax.TaxName];
            if (_scope.AccountMap.TryGetValue(account.Value, out var known) && !known.Active)
            {
                return new InactiveTaxAccount(tax.TaxName, account.Value);
            }
        }

        return new SalePlan(customer, number, due, currency, lines, taxes, subtotal, total);
    }

    private Result<IReadOnlyList<TaxAmount>> Taxes(SaleDraft draft, IReadOnlyList<InvoiceLine> lines, Currency currency)
    {
        if (draft.Taxes is null)
        {
            return _scope.TaxCodes.Compute(lines.Select(l => (l.Amount, l.TaxCode)).ToArray());
        }

        var given = new List<TaxAmount>();
        foreach (var tax in draft.Taxes)
        {
            if (!_scope.Taxes.Get(tax.TaxName).TryGetValue(out var known, out var error))
            {
                return error;
            }

            if (tax.Amount.Currency != currency)
            {
                return new CurrencyMismatch(currency.Code, tax.Amount.Currency.Code, $"Tax {known.Name}");
            }

            if (given.Any(g => g.TaxName == known.Name))
            {
                return new InvalidInput("taxes", $"{known.Name} is given twice; give each tax's total once.");
            }

            if (!tax.Amount.IsZero)
            {
                given.Add(new TaxAmount(known.Name, tax.Amount));
            }
        }

        return given;
    }

    private Invoice[] Load(IReadOnlyList<InvoiceRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Entry).ToArray();
        var lines = _scope.Query<(long Entry, string Description, long Amount, string Code, long Account)>(
                "SELECT entry_id, description, amount, tax_code, account FROM invoice_line WHERE entry_id IN @Ids ORDER BY entry_id, line_no", new { Ids = ids })
            .ToLookup(l => l.Entry);
        var taxes = _scope.Query<(long Entry, string Name, long Amount)>(
                "SELECT x.entry_id, t.name, x.amount FROM invoice_tax x JOIN tax t ON t.id = x.tax_id WHERE x.entry_id IN @Ids ORDER BY x.entry_id, t.id", new { Ids = ids })
            .ToLookup(t => t.Entry);
        var home = _scope.Company.HomeCurrency;
        return rows.Select(r =>
        {
            var currency = Currency.Get(r.Currency);
            Money.Money Of(long units) => Money.Money.FromMinorUnits(units, currency);
            return new Invoice(
                new EntryId(r.Entry),
                new CustomerId(r.Customer),
                r.Number,
                SqlFormats.Date(r.Date),
                SqlFormats.Date(r.DueDate),
                currency,
                SqlFormats.Decimal(r.Rate),
                lines[r.Entry].Select(l => new InvoiceLine(l.Description, Of(l.Amount), l.Code, new AccountNumber(checked((int)l.Account)))).ToArray(),
                taxes[r.Entry].Select(t => new TaxAmount(t.Name, Of(t.Amount))).ToArray(),
                Of(r.Subtotal),
                Of(r.Total),
                Of(r.Owing),
                Money.Money.FromMinorUnits(r.HomeTotal, home),
                Money.Money.FromMinorUnits(r.HomeOwing, home),
                r.Reversed != 0);
        }).ToArray();
    }

    private sealed record SalePlan(
        Customer Customer, string Number, DateOnly DueDate, DocumentCurrency Currency,
        IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<TaxAmount> Taxes, Money.Money Subtotal, Money.Money Total);

    private sealed record InvoiceRow(
        long Entry, long Customer, string Number, string Date, string DueDate, string Currency, string Rate,
        long Subtotal, long Total, long HomeTotal, long Owing, long HomeOwing, long Reversed);
}
