using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Money;

namespace BillingBooks.Books.Reports;

/// <summary>One account in the trial balance: its balance as a debit or a credit (the other is zero), home currency.</summary>
public sealed record TrialBalanceRow(AccountNumber Number, string Name, AccountType Type, Money.Money Debit, Money.Money Credit);

public sealed record TrialBalance(DateOnly AsOf, IReadOnlyList<TrialBalanceRow> Rows, Money.Money TotalDebit, Money.Money TotalCredit);

/// <summary>A statement line with its natural sign (assets as debits, the others as credits, positive when normal). Number null for computed lines.</summary>
public sealed record StatementRow(AccountNumber? Number, string Name, Money.Money Amount);

/// <summary>
/// Assets = Liabilities + Equity. Equity includes retained earnings (with income of years before this fiscal year)
/// and Current Earnings (revenue less expenses from the fiscal year start to the date).
/// </summary>
public sealed record BalanceSheet(
    DateOnly AsOf,
    IReadOnlyList<StatementRow> Assets,
    IReadOnlyList<StatementRow> Liabilities,
    IReadOnlyList<StatementRow> Equity,
    Money.Money TotalAssets,
    Money.Money TotalLiabilities,
    Money.Money TotalEquity);

public sealed record IncomeStatement(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<StatementRow> Revenue,
    IReadOnlyList<StatementRow> Expenses,
    Money.Money TotalRevenue,
    Money.Money TotalExpenses,
    Money.Money NetIncome);

/// <summary>
/// A posting in the general ledger detail, with the account's running balance (debit positive). Entry and Kind are
/// null on a year-end close: reports close each fiscal year's revenue and expenses into Retained Earnings on its
/// last day themselves (nothing is posted), so the row shows where the trial balance's closing happens.
/// </summary>
public sealed record LedgerDetailRow(DateOnly Date, EntryId? Entry, EntryKind? Kind, string Memo, Money.Money Debit, Money.Money Credit, Money.Money Balance);

public sealed record LedgerDetail(Account Account, DateOnly From, DateOnly To, Money.Money Opening, IReadOnlyList<LedgerDetailRow> Rows, Money.Money Closing);

/// <summary>What a customer owes by age past the due date (home currency): 0-30 days (current), 31-60, 61-90, over 90.</summary>
public sealed record AgedReceivablesRow(CustomerId Customer, string Name, Money.Money Current, Money.Money Days31To60, Money.Money Days61To90, Money.Money Over90, Money.Money Total);

public sealed record AgedReceivables(DateOnly AsOf, IReadOnlyList<AgedReceivablesRow> Rows, AgedReceivablesRow Totals);

/// <summary>
/// An invoice in the sales journal report, or the reversal of one (Reverses = the invoice's entry, amounts negated);
/// amounts in the invoice's currency except Home. Reversed: the invoice's reversal is dated by the period's end.
/// </summary>
public sealed record SalesJournalRow(EntryId Entry, DateOnly Date, string Number, string Customer, Currency Currency, Money.Money Subtotal, Money.Money Tax, Money.Money Total, Money.Money Home, bool Reversed, EntryId? Reverses);

public sealed record SalesJournalReport(DateOnly From, DateOnly To, IReadOnlyList<SalesJournalRow> Rows, Money.Money TotalHome);

/// <summary>
/// A receipt in the receipts journal report, or the reversal of one (Reverses = the receipt's entry, amounts
/// negated); invoices = numbers it was allocated to. Reversed: the receipt's reversal is dated by the period's end.
/// </summary>
public sealed record ReceiptsJournalRow(EntryId Entry, DateOnly Date, string Customer, PaymentMethod Method, string? Reference, Money.Money Amount, Money.Money Fee, Money.Money Home, IReadOnlyList<string> Invoices, bool Reversed, EntryId? Reverses);

public sealed record ReceiptsJournalReport(DateOnly From, DateOnly To, IReadOnlyList<ReceiptsJournalRow> Rows, Money.Money TotalHome);

/// <summary>
/// A line on a customer statement: an invoice (positive), a receipt (negative) or a reversal, with the running
/// balance in home currency and in the customer's currency (see <see cref="CustomerStatement"/>).
/// </summary>
public sealed record StatementLine(DateOnly Date, EntryId Entry, EntryKind Kind, string Reference, Money.Money Amount, Money.Money? DocumentAmount, Money.Money Balance, Money.Money? BalanceInCustomerCurrency);

/// <summary>
/// The *InCustomerCurrency balances are what the customer owes in its own currency (the home ones for a home-currency
/// customer); null where part of what it owes is in documents of another currency, which do not add into one sum.
/// </summary>
public sealed record CustomerStatement(
    Customer Customer,
    DateOnly From,
    DateOnly To,
    Money.Money Opening,
    IReadOnlyList<StatementLine> Lines,
    Money.Money Closing,
    Money.Money? OpeningInCustomerCurrency,
    Money.Money? ClosingInCustomerCurrency);
