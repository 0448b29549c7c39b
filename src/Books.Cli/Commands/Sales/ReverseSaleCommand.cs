using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Commands.Journal;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class ReverseSaleCommand
{
    private const string Help = """
        Reverses an invoice: posts its exact opposite (dated today unless --date, never before the invoice
        or a later reversal of a receipt that paid it) and marks it reversed. Refused while receipts are
        allocated to it (reverse them first).

        Example:
          books --file acme.books sales reverse 1001 --reason "Issued in error"
        """;

    public static Command Create(CliContext cli)
    {
        var number = new Argument<string>("NUMBER") { Description = "The invoice to reverse." };
        var reversal = new Reversal();
        var command = new Command("reverse", Help) { number, reversal.Date, reversal.Reason };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => InvoiceLookup.Find(write, parsed.GetRequiredValue(number)).Then(found =>
                reversal.Post(parsed, write, found.Invoice.Entry).Map(posted => (Reversal: posted, found.Invoice))),
            done => cli.Said($"Reversed invoice {done.Invoice.Number} (entry {done.Invoice.Entry}) with entry {done.Reversal.Entry} dated {Text.Iso(done.Reversal.Date)}.")));
        return command;
    }
}
