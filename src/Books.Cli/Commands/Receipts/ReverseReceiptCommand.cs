using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Commands.Journal;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Receipts;

internal static class ReverseReceiptCommand
{
    private const string Help = """
        Reverses a receipt (e.g. a bounced cheque): posts its exact opposite (dated today unless --date) and gives
        its allocations back to the invoices, which owe again. ENTRY is the receipt's entry number from `receipts list`.

        Example:
          books --file acme.books receipts reverse 7 --reason "NSF cheque"
        """;

    public static Command Create(CliContext cli)
    {
        var entry = new Argument<long>("ENTRY") { Description = "The receipt's entry number." };
        var reversal = new Reversal();
        var command = new Command("reverse", Help) { entry, reversal.Date, reversal.Reason };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => Receipt(write, new EntryId(parsed.GetValue(entry))).Then(receipt =>
                reversal.Post(parsed, write, receipt.Entry).Map(posted => (Reversal: posted, Receipt: receipt))),
            done => cli.Said($"Reversed receipt entry {done.Receipt.Entry} with entry {done.Reversal.Entry} dated {Text.Iso(done.Reversal.Date)}; its invoices owe {done.Receipt.Amount.ToDecimalString()} {done.Receipt.Amount.Currency.Code} again.")));
        return command;
    }

    /// <summary>The receipt posted as this entry; another kind of entry is named as such, not as missing.</summary>
    private static Result<Receipt> Receipt(Storage.BooksRead scope, EntryId id) =>
        scope.Entries.Get(id).Then(entry => entry.Kind == EntryKind.Receipt
            ? scope.Receipts.Get(id)
            : new WrongEntryKind(id, Text.Kind(entry.Kind), "receipt"));
}
