using System.CommandLine;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class AdjustSaleCommand
{
    private const string Help = """
        Adjusts a posted invoice: reverses it and posts the corrected one under the same number, both kept in
        the audit trail. Give the invoice's lines as they should be. Refused while receipts are allocated
        to it (reverse them first). The original is reversed on its own date, so its period keeps only the
        corrected invoice; when that date is locked, it is reversed on the corrected invoice's date, which
        must then be given with --date on or after the lock date.

        Example:
          books --file acme.books sales adjust 1001 --line "Logo design;750.00;H" --reason "Agreed discount"
        """;

    public static Command Create(CliContext cli)
    {
        var number = new Argument<string>("NUMBER") { Description = "The invoice to adjust." };
        var reason = new Option<string?>("--reason") { Description = "Why it changed (kept in the audit trail).", HelpName = "TEXT" };
        var sale = new SaleOptions("The corrected invoice's date (the original's if not given).");
        var command = new Command("adjust", Help) { number, reason };
        sale.AddTo(command);
        command.SetAction(parsed =>
        {
            if (!sale.TryReadLines(parsed, out var lines, out var error))
            {
                return cli.Refuse(error);
            }

            return cli.Write(
                parsed,
                write => InvoiceLookup.Find(write, parsed.GetRequiredValue(number)).Then(found =>
                    sale.Draft(parsed, write, found.Customer, found.Invoice.Number, parsed.GetValue(sale.Date) ?? found.Invoice.Date, lines)
                        .Then(draft => write.Sales.Adjust(found.Invoice.Entry, draft, parsed.GetValue(reason) ?? "no reason given"))
                        .Map(adjusted => (Adjusted: adjusted, Original: found.Invoice.Entry, Customer: found.Customer.Name))),
                done => cli.Said($"Reversed entry {done.Original.Value} with entry {done.Adjusted.Reversal.Value} and posted {InvoiceText.Summary(done.Adjusted.Replacement, done.Customer)}."));
        });
        return command;
    }
}
