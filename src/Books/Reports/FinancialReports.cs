using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Reports;

/// <summary>The reports of SPEC 2.4 as typed rows, all in home currency unless a row says otherwise; formatting (table, CSV, JSON) is the caller's.</summary>
public sealed class FinancialReports
{
    private readonly BooksRead _scope;

    internal FinancialReports(BooksRead scope) => _scope = scope;

    private Currency Home => _scope.Company.HomeCurrency;

    /// <summary>
    /// Every account with a balance as of the date (inclusive), as a debit or a credit, with earlier fiscal years
    /// closed: revenue and expenses of this fiscal year only, earlier years' income in Retained Earnings.
    /// </summary>
    public TrialBalance TrialBalance(DateOnly asOf)
    {
        var (balances, _) = Balances.Closed(_scope, asOf);
        var rows = _scope.AccountMap.Values
            .Where(a => balances.GetValueOrDefault(a.Number.Value) != 0)
            .OrderBy(a => a.Number.Value)
            .Select(a =>
            {
                var units = balances[a.Number.Value];
                return new TrialBalanceRow(a.Number, a.Name, a.Type, Of(Math.Max(units, 0)), Of(Math.Max(-units, 0)));
            })
            .ToArray();
        return new TrialBalance(asOf, rows, Sum(rows.Select(r => r.Debit)), Sum(rows.Select(r => r.Credit)));
    }

    /// <summary>As of the date, with earlier fiscal years closed into Retained Earnings and this year's income as Current Earnings.</summary>
    public BalanceSheet BalanceSheet(DateOnly asOf)
    {
        var linked = _scope.Linked;
        var (closed, currentIncome) = Balances.Closed(_scope, asOf);

        StatementRow[] Section(AccountType type, int sign) => _scope.AccountMap.Values
            .Where(a => a.Type == type && (closed.GetValueOrDefault(a.Number.Value) != 0 || (type == AccountType.Equity && (a.Number == linked.RetainedEarnings || a.Number == linked.CurrentEarnings))))
            .OrderBy(a => a.Number.Value)
            .Select(a =>
            {
                var units = sign * closed.GetValueOrDefault(a.Number.Value);
                if (a.Number == linked.CurrentEarnings)
                {
                    units = checked(units + currentIncome);
                }

                return new StatementRow(a.Number, a.Name, Of(units));
            })
            .ToArray();

        var assets = Section(AccountType.Asset, 1);
        var liabilities = Section(AccountType.Liability, -1);
        var equity = Section(AccountType.Equity, -1);
        return new BalanceSheet(asOf, assets, liabilities, equity, Sum(assets.Select(r => r.Amount)), Sum(liabilities.Select(r => r.Amount)), Sum(equity.Select(r => r.Amount)));
    }

    /// <summary>Revenue and expenses posted from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public IncomeStatement IncomeStatement(DateOnly from, DateOnly to)
    {
        var balances = Balances.Between(_scope, from, to);
        StatementRow[] Section(AccountType type, int sign) => _scope.AccountMap.Values
            .Where(a => a.Type == type && balances.GetValueOrDefault(a.Number.Value) != 0)
            .OrderBy(a => a.Number.Value)
            .Select(a => new StatementRow(a.Number, a.Name, Of(sign * balances[a.Number.Value])))
            .ToArray();
        var revenue = Section(AccountType.Revenue, -1);
        var expenses = Section(AccountType.Expense, 1);
        var totalRevenue = Sum(revenue.Select(r => r.Amount));
        var totalExpenses = Sum(expenses.Select(r => r.Amount));
        return new IncomeStatement(from, to, revenue, expenses, totalRevenue, totalExpenses, totalRevenue - totalExpenses);
    }

    /// <summary>
    /// General ledger detail of one account: opening balance, every posting in the period with the running balance,
    /// closing; earlier fiscal years closed into Retained Earnings as in <see cref="TrialBalance"/>.
    /// </summary>
    public Result<LedgerDetail> GeneralLedger(AccountNumber account, DateOnly from, DateOnly to)
    {
        if (!_scope.Accounts.Get(account).TryGetValue(out var found, out var error))
        {
            return error;
        }

        var (opening, rows, closing) = GeneralLedgerDetail.Build(_scope, found, from, to, Of);
        return new LedgerDetail(found, from, to, Of(opening), rows, Of(closing));
    }

    /// <summary>
    /// What each customer owed as of the date, by days past the due date: 0-30 (current, including not yet due),
    /// 31-60, 61-90, over 90. Counts invoices and receipts dated on or before the date and not reversed by then.
    /// </summary>
    public AgedReceivables AgedReceivables(DateOnly asOf)
    {
        var open = _scope.Query<(long Customer, string Name, string Due, long Owing)>(
            """
            SELECT i.customer_id, c.name, i.due_date,
                   i.home_total - COALESCE((
                       SELECT SUM(a.home_amount) FROM allocation a JOIN entry re ON re.id = a.receipt_id
                       WHERE a.invoice_id = i.entry_id AND re.date <= @AsOf
                         AND (re.reversed_by IS NULL OR (SELECT x.date FROM entry x WHERE x.id = re.reversed_by) > @AsOf)), 0)
            FROM invoice i JOIN entry e ON e.id = i.entry_id JOIN customer c ON c.id = i.customer_id
            WHERE i.date <= @AsOf AND (e.reversed_by IS NULL OR (SELECT x.date FROM entry x WHERE x.id = e.reversed_by) > @AsOf)
            """,
            new { AsOf = SqlFormats.Date(asOf) });
        var rows = open
            .Where(i => i.Owing != 0)
            .GroupBy(i => (i.Customer, i.Name))
            .Select(g =>
            {
                var buckets = new long[4];
                foreach (var invoice in g)
                {
                    var late = asOf.DayNumber - SqlFormats.Date(invoice.Due).DayNumber;
                    buckets[late <= 30 ? 0 : late <= 60 ? 1 : late <= 90 ? 2 : 3] += invoice.Owing;
                }

                return new AgedReceivablesRow(new CustomerId(g.Key.Customer), g.Key.Name, Of(buckets[0]), Of(buckets[1]), Of(buckets[2]), Of(buckets[3]), Of(buckets.Sum()));
            })
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var totals = new AgedReceivablesRow(
            new CustomerId(0), "Total", Sum(rows.Select(r => r.Current)), Sum(rows.Select(r => r.Days31To60)), Sum(rows.Select(r => r.Days61To90)), Sum(rows.Select(r => r.Over90)), Sum(rows.Select(r => r.Total)));
        return new AgedReceivables(asOf, rows, totals);
    }

    /// <summary>Invoices dated in the period and reversals of invoices dated in it (negated); the total is every row's.</summary>
    public SalesJournalReport SalesJournal(DateOnly from, DateOnly to) => new DocumentJournals(_scope).Sales(from, to);

    /// <summary>Receipts dated in the period with the invoices they paid, and reversals of receipts dated in it (negated).</summary>
    public ReceiptsJournalReport ReceiptsJournal(DateOnly from, DateOnly to) => new DocumentJournals(_scope).Receipts(from, to);

    /// <summary>
    /// A customer's statement: the balance before the period, every invoice, receipt and reversal in it (from the
    /// Accounts Receivable postings, so it always agrees with the ledger), and the closing balance, in home currency
    /// and in the customer's own currency; DocumentAmount is the amount in the document's currency when it is foreign.
    /// A receipt is named by how it was paid (<see cref="PaymentDescription"/>), not by its memo: the statement goes to
    /// the customer, who knows the cheque number, not the bookkeeper's note.
    /// </summary>
    public Result<CustomerStatement> CustomerStatement(CustomerId customer, DateOnly from, DateOnly to)
    {
        if (!_scope.Customers.Get(customer).TryGetValue(out var found, out var error))
        {
            return error;
        }

        var postings = _scope.Query<(string Date, long Entry, string Kind, string Memo, long Amount, string? Currency, long? Foreign)>(
            "SELECT e.date, e.id, e.kind, e.memo, p.amount, p.currency, p.foreign_amount FROM entry e JOIN posting p ON p.entry_id = e.id " +
            "WHERE e.customer_id = @Customer AND p.account = @Receivable AND e.date <= @To ORDER BY e.date, e.id",
            new { Customer = customer.Value, Receivable = _scope.Linked.AccountsReceivable.Value, To = SqlFormats.Date(to) }).ToArray();
        var start = SqlFormats.Date(from);
        var own = new CustomerCurrencyBalance(found.Currency, Home);
        long running = 0;
        foreach (var p in postings.Where(p => string.CompareOrdinal(p.Date, start) < 0))
        {
            running = checked(running + p.Amount);
            own.Add(p.Amount, p.Currency, p.Foreign);
        }

        var opening = running;
        var openingOwn = own.Balance;
        var receipts = _scope.Receipts.ForCustomer(customer).ToDictionary(r => r.Entry.Value);
        var lines = new List<StatementLine>();
        foreach (var p in postings.Where(p => string.CompareOrdinal(p.Date, start) >= 0))
        {
            running = checked(running + p.Amount);
            own.Add(p.Amount, p.Currency, p.Foreign);
            var document = p.Currency is { } code && p.Foreign is { } units ? Money.Money.FromMinorUnits(units, Currency.Get(code)) : (Money.Money?)null;
            var reference = receipts.TryGetValue(p.Entry, out var receipt) ? PaymentDescription.Of(receipt) : p.Memo;
            lines.Add(new StatementLine(SqlFormats.Date(p.Date), new EntryId(p.Entry), Ledger.ParseKind(p.Kind), reference, Of(p.Amount), document, Of(running), own.Balance));
        }

        return new CustomerStatement(found, from, to, Of(opening), lines, Of(running), openingOwn, own.Balance);
    }

    private Money.Money Of(long units) => Money.Money.FromMinorUnits(units, Home);

    private Money.Money Sum(IEnumerable<Money.Money> values) => Money.Money.Sum(values, Home);
}
