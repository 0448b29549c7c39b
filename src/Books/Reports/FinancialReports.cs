using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>The reports of SPEC 2.4 as typed rows; formatting (table, CSV, JSON) is the caller's.</summary>
public sealed class FinancialReports
{
    private readonly BooksRead _scope;

    internal FinancialReports(BooksRead scope) => _scope = scope;

    public TrialBalance TrialBalance(DateOnly asOf) => throw new NotImplementedException();

    public BalanceSheet BalanceSheet(DateOnly asOf) => throw new NotImplementedException();

    public IncomeStatement IncomeStatement(DateOnly from, DateOnly to) => throw new NotImplementedException();

    public Result<LedgerDetail> GeneralLedger(AccountNumber account, DateOnly from, DateOnly to) => throw new NotImplementedException();

    public AgedReceivables AgedReceivables(DateOnly asOf) => throw new NotImplementedException();

    public SalesJournalReport SalesJournal(DateOnly from, DateOnly to) => throw new NotImplementedException();

    public ReceiptsJournalReport ReceiptsJournal(DateOnly from, DateOnly to) => throw new NotImplementedException();

    public Result<CustomerStatement> CustomerStatement(CustomerId customer, DateOnly from, DateOnly to) => throw new NotImplementedException();
}
