using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Audit;

internal static class AuditCommand
{
    private const string Help = """
        The audit trail: every entry posted or reversed, when (UTC) and what, in order. Entries are never
        edited, so an adjustment shows as a reversal and a new posting.

        Example:
          books --file acme.books audit --format csv
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("audit", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<AuditRecord>>.Ok(read.Entries.AuditTrail()),
            records =>
            {
                var grid = new Grid(new Column("#"), new Column("At (UTC)"), new Column("Action"), new Column("Entry"), new Column("Detail"));
                foreach (var record in records)
                {
                    grid.Add(Text.Number(record.Id), Text.Instant(record.At), record.Action, record.Entry.ToString(), record.Detail);
                }

                var json = records.Select(r => new { id = r.Id, at = Text.Instant(r.At), action = r.Action, entry = r.Entry.Value, detail = r.Detail });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
