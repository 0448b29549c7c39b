using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Journal;

/// <summary>--date and --reason of every reverse command, and the reversal they ask for.</summary>
internal sealed class Reversal
{
    public Option<DateOnly?> Date { get; } = Options.Date("--date", "The reversal's date (the reversed entry's date if not given).");

    public Option<string?> Reason { get; } = new("--reason") { Description = "Why (kept in the audit trail).", HelpName = "TEXT" };

    /// <summary>The date the reversal is posted on: --date, else the reversed entry's own date.</summary>
    public DateOnly DateOf(ParseResult parsed, DateOnly entryDate) => parsed.GetValue(Date) ?? entryDate;

    public Result<EntryId> Post(ParseResult parsed, BooksWrite write, EntryId entry, DateOnly entryDate) =>
        write.Entries.Reverse(entry, DateOf(parsed, entryDate), parsed.GetValue(Reason) ?? "reversed");
}
