using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class ReverseSaleCommand
{
    private const string Help = """
        Reverses an invoice: posts its exact opposite (on the invoice's date unless --date) and marks it
        reversed. Refused while receipts are allocated to it (reverse them first).

        Example:
          books --file acme.books sales reverse 1001 --reason "Issued in error"
        """;

    public static Command Create(CliContext cli)
    {
        var number = new Argument<string>("NUMBER") { Description = "The invoice to reverse." };
        var date = Options.Date("--date", "The reversal's date (the invoice's date if not given).");
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit trail).", HelpName = "TEXT" };
        var command = new Command("reverse", Help) { number, date, reason };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => InvoiceLookup.Find(write, parsed.GetRequiredValue(number)).Then(found =>
                write.Entries.Reverse(found.Invoice.Entry, parsed.GetValue(date) ?? found.Invoice.Date, parsed.GetValue(reason) ?? "reversed")
                    .Map(reversal => (Reversal: reversal, found.Invoice))),
            done => cli.Said($"Reversed invoice {done.Invoice.Number} (entry {done.Invoice.Entry}) with entry {done.Reversal} dated {Text.Iso(parsed.GetValue(date) ?? done.Invoice.Date)}.")));
        return command;
    }
}
