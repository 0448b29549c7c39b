using System.CommandLine;
using System.CommandLine.Help;
using BillingBooks.Books.Cli.Commands.Accounts;
using BillingBooks.Books.Cli.Commands.Audit;
using BillingBooks.Books.Cli.Commands.Check;
using BillingBooks.Books.Cli.Commands.Export;
using BillingBooks.Books.Cli.Commands.Journal;
using BillingBooks.Books.Cli.Commands.Receipts;
using BillingBooks.Books.Cli.Commands.Reports;
using BillingBooks.Books.Cli.Commands.Company;
using BillingBooks.Books.Cli.Commands.CreditCards;
using BillingBooks.Books.Cli.Commands.Currencies;
using BillingBooks.Books.Cli.Commands.Customers;
using BillingBooks.Books.Cli.Commands.LinkedAccounts;
using BillingBooks.Books.Cli.Commands.Rates;
using BillingBooks.Books.Cli.Commands.Sales;
using BillingBooks.Books.Cli.Commands.Settings;
using BillingBooks.Books.Cli.Commands.TaxCodes;
using BillingBooks.Books.Cli.Commands.Taxes;

namespace BillingBooks.Books.Cli;

/// <summary>
/// Every command of `books`, in help order. A command is one file exposing `Create(CliContext)`; add it here
/// with the group it belongs to (null = top level). Groups are created on first use.
/// </summary>
internal static class CommandRegistry
{
    private static readonly (string Name, string Description)[] Groups =
    [
        ("accounts", "The chart of accounts."),
        ("linked-accounts", "The accounts Books posts to by itself (receivables, revenue, bank, ...)."),
        ("settings", "Company settings: name, address, fiscal year, cash basis, foreign currency."),
        ("currencies", "Foreign currencies."),
        ("rates", "Exchange rates of foreign currencies by date."),
        ("credit-cards", "Credit cards accepted, with their fees and deposit accounts."),
        ("taxes", "Sales taxes."),
        ("tax-codes", "Tax codes: which taxes a sale line charges."),
        ("customers", "Customers."),
        ("sales", "The sales journal: invoices."),
        ("receipts", "The receipts journal: payments from customers."),
        ("journal", "The general journal, and every posted entry."),
        ("report", "Reports, as a table, CSV or JSON."),
        ("export", "The books in other programs' formats."),
    ];

    private static readonly (string? Group, Func<CliContext, Command> Create)[] Commands =
    [
        (null, NewCompanyCommand.Create),
        (null, YearEndCommand.Create),
        ("accounts", ListAccountsCommand.Create),
        ("accounts", AddAccountCommand.Create),
        ("accounts", EditAccountCommand.Create),
        ("accounts", DeactivateAccountCommand.Create),
        ("accounts", ActivateAccountCommand.Create),
        ("accounts", DeleteAccountCommand.Create),
        ("linked-accounts", ShowLinkedAccountsCommand.Create),
        ("linked-accounts", SetLinkedAccountCommand.Create),
        ("settings", ShowSettingsCommand.Create),
        ("settings", SetSettingsCommand.Create),
        ("settings", BillingBooks.Books.Cli.Commands.Sync.BillingSyncSettingsCommand.Create),
        ("currencies", ListCurrenciesCommand.Create),
        ("currencies", AddCurrencyCommand.Create),
        ("rates", ListRatesCommand.Create),
        ("rates", SetRateCommand.Create),
        ("credit-cards", ListCreditCardsCommand.Create),
        ("credit-cards", AddCreditCardCommand.Create),
        ("credit-cards", EditCreditCardCommand.Create),
        ("taxes", ListTaxesCommand.Create),
        ("taxes", AddTaxCommand.Create),
        ("taxes", EditTaxCommand.Create),
        ("tax-codes", ListTaxCodesCommand.Create),
        ("tax-codes", AddTaxCodeCommand.Create),
        ("customers", ListCustomersCommand.Create),
        ("customers", AddCustomerCommand.Create),
        ("customers", EditCustomerCommand.Create),
        ("customers", ShowCustomerCommand.Create),
        ("customers", DeactivateCustomerCommand.Create),
        ("customers", ActivateCustomerCommand.Create),
        ("sales", PostSaleCommand.Create),
        ("sales", ListSalesCommand.Create),
        ("sales", ShowSaleCommand.Create),
        ("sales", AdjustSaleCommand.Create),
        ("sales", ReverseSaleCommand.Create),
        ("receipts", PostReceiptCommand.Create),
        ("receipts", ListReceiptsCommand.Create),
        ("receipts", ReverseReceiptCommand.Create),
        ("journal", PostJournalCommand.Create),
        ("journal", ListJournalCommand.Create),
        ("journal", ReverseJournalCommand.Create),
        ("report", TrialBalanceCommand.Create),
        ("report", BalanceSheetCommand.Create),
        ("report", IncomeStatementCommand.Create),
        ("report", LedgerCommand.Create),
        ("report", AgedReceivablesCommand.Create),
        ("report", SalesJournalCommand.Create),
        ("report", ReceiptsJournalCommand.Create),
        ("report", StatementCommand.Create),
        (null, BillingBooks.Books.Cli.Commands.Sync.SyncCommand.Create),
        (null, CheckCommand.Create),
        ("export", ExportHledgerCommand.Create),
        (null, AuditCommand.Create),
    ];

    public static Command BuildRoot(CliContext cli)
    {
        // Not RootCommand: that takes its name from the host process ("testhost" under a test runner).
        var root = new Command("books", """
            Books: double-entry books for a small business, one company per file.

            Start with `books new acme.books --name "Acme Ltd"`, then run every other command with
            `--file acme.books` (or set BOOKS_FILE=acme.books).
            """);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(cli.FileOption);
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (group, create) in Commands)
        {
            var command = create(cli);
            if (group is null)
            {
                root.Subcommands.Add(command);
                continue;
            }

            if (!groups.TryGetValue(group, out var parent))
            {
                var description = Groups.Single(g => g.Name == group).Description;
                parent = new Command(group, description);
                groups.Add(group, parent);
                root.Subcommands.Add(parent);
            }

            parent.Subcommands.Add(command);
        }

        return root;
    }
}
