using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Journal;

internal static class ReverseJournalCommand
{
    private const string Help = """
        Reverses any posted entry by its number: posts its exact opposite, dated today unless --date
        (never before the entry). Both stay in the journal and the audit trail. A sale with receipts allocated is refused.

        Example:
          books --file acme.books journal reverse 4 --reason "Posted twice"
        """;

    public static Command Create(CliContext cli)
    {
        var entry = new Argument<long>("ENTRY") { Description = "The entry to reverse." };
        var reversal = new Reversal();
        var command = new Command("reverse", Help) { entry, reversal.Date, reversal.Reason };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Entries.Get(new EntryId(parsed.GetValue(entry))).Then(found => reversal.Post(parsed, write, found.Id)),
            posted => cli.Said($"Reversed entry {parsed.GetValue(entry)} with entry {posted.Entry} dated {Text.Iso(posted.Date)}.")));
        return command;
    }
}
