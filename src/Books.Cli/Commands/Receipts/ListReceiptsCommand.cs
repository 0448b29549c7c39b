using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Receipts;

internal static class ListReceiptsCommand
{
    private const string Help = """
        Lists receipts dated in a period (the fiscal year to date if not given), optionally one customer's,
        with the invoices each was allocated to. The ENTRY column is what `receipts reverse` takes.

        Example:
          books --file acme.books receipts list --customer "Maple Design" --format csv
        """;

    public static Command Create(CliContext cli)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's receipts.", HelpName = "NAME" };
        var period = new Period();
        var format = Options.Format();
        var command = new Command("list", Help) { customer, period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Then(days =>
            {
                var names = read.Customers.List().ToDictionary(c => c.Id, c => c.Name);
                var numbers = read.Sales.List(DateOnly.MinValue, DateOnly.MaxValue).ToDictionary(i => i.Entry, i => i.Number);
                var receipts = read.Receipts.List(days.From, days.To);
                if (parsed.GetValue(customer) is not { } name)
                {
                    return Result<(Dictionary<BillingBooks.Books.Customers.CustomerId, string>, Dictionary<EntryId, string>, IReadOnlyList<Receipt>)>.Ok((names, numbers, receipts));
                }

                return read.Customers.FindByName(name).Map(c => (names, numbers, (IReadOnlyList<Receipt>)receipts.Where(r => r.Customer == c.Id).ToArray()));
            }),
            found =>
            {
                var (names, numbers, receipts) = found;
                var grid = new Grid(new Column("Entry"), new Column("Date"), new Column("Customer"), new Column("Method"), new Column("Reference"), new Column("Currency"), Column.Amount("Amount"), Column.Amount("Fee"), new Column("Invoices"), new Column("Status"));
                foreach (var receipt in receipts)
                {
                    grid.Add(
                        receipt.Entry.ToString(),
                        Text.Iso(receipt.Date),
                        names[receipt.Customer],
                        ReceiptText.Method(receipt),
                        receipt.Reference ?? string.Empty,
                        receipt.Amount.Currency.Code,
                        receipt.Amount.ToDecimalString(),
                        receipt.Fee.ToDecimalString(),
                        string.Join(' ', receipt.Allocations.Select(a => numbers.GetValueOrDefault(a.Invoice, a.Invoice.ToString()))),
                        receipt.Reversed ? "reversed" : "posted");
                }

                return Show.Write(cli, parsed.GetValue(format), grid, receipts.Select(r => ReceiptText.Json(r, names[r.Customer], numbers)));
            }));
        return command;
    }
}
