using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Journal;

/// <summary>--date and --reason of every reverse command, and the reversal they ask for (dated today unless --date).</summary>
internal sealed class Reversal
{
    public Option<DateOnly?> Date { get; } = Options.Date("--date", "The reversal's date (today if not given, or the earliest day the entry may be reversed - the lock date included - when that is later).");

    public Option<string?> Reason { get; } = new("--reason") { Description = "Why (kept in the audit trail).", HelpName = "TEXT" };

    /// <summary>Posts the reversal (on --date, else as the books date it) and returns it with the date it got.</summary>
    public Result<(EntryId Entry, DateOnly Date)> Post(ParseResult parsed, BooksWrite write, EntryId entry) =>
        write.Entries.Reverse(entry, parsed.GetValue(Date), parsed.GetValue(Reason) ?? "reversed")
            .Then(posted => write.Entries.Get(posted).Map(e => (posted, e.Date)));
}
