using System.CommandLine;
using System.Globalization;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Sync;
using BillingBooks.Books.Sync.Storage;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>`books settings billing-sync`: shows (and with flags, changes) the Billing Sync settings (SPEC 3.2).</summary>
internal static class BillingSyncSettingsCommand
{
    private const string Help = """
        Shows or changes the Billing Sync settings (Synchronize with Billing): server, email, mode (my account,
        or my client's account with the client's email), Track Sales, Track Customer Payments, the PayPal and
        other-payments accounts, Credit Cards Accepted, the last sync and the feed cursor. Give flags to change
        them: they are checked as `books sync` checks them (an http or https server, asset accounts that take
        deposits for payments) and nothing is saved unless all are right. The email cannot change after the
        first successful sync.

        Examples:
          books --file acme.books settings billing-sync
          books --file acme.books settings billing-sync --paypal-account 1070 --other-payments-account 1060
        """;

    public static Command Create(CliContext cli)
    {
        var options = new SyncOptions();
        var format = SyncOptions.Format();
        var command = new Command("billing-sync", Help) { format };
        options.AddTo(command);
        command.SetAction(parsed => cli.WithCompany(parsed, company =>
        {
            var answers = options.Answers(parsed);
            var changing = answers != new SetupAnswers(null, null, null, null, null, null, null, null);
            var saved = company.Write(scope =>
            {
                var store = new SyncStore(scope.Connection, scope.Transaction);
                var stored = store.Settings();
                if (!changing) return Result<(SyncSettings, IReadOnlyList<string>)>.Ok((stored, Cards(scope)));
                var merged = SyncSetup.Apply(scope, stored, answers, company.Path);
                if (!merged.Succeeded) return merged.Error;
                store.Save(merged.Value);
                return Result<(SyncSettings, IReadOnlyList<string>)>.Ok((merged.Value, Cards(scope)));
            });
            if (!saved.TryGetValue(out var shown, out var error)) return cli.Fail(error);
            var (settings, cards) = shown;
            var grid = new Grid(new Column("Setting"), new Column("Value"))
                .Add("Server", settings.Server ?? "(not set)")
                .Add("Email", (settings.Email ?? "(not set)") + (settings.EmailLocked ? " (locked: synchronized)" : ""))
                .Add("Mode", settings.Mode == SyncMode.Client ? "my client's account" : "my account")
                .Add("Client email", settings.ClientEmail ?? "")
                .Add("Track Sales", Account(settings.TrackSales))
                .Add("Track Customer Payments", Account(settings.TrackPayments))
                .Add("PayPal payments", Account(settings.PayPalAccount))
                .Add("Other payments", Account(settings.OtherPaymentsAccount))
                .Add("Credit Cards Accepted", cards.Count == 0 ? "(none)" : string.Join(", ", cards))
                .Add("Last sync", settings.LastSyncedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never")
                .Add("Cursor", settings.Cursor ?? "(start)");
            if (parsed.GetValue(format) == "json")
            {
                Json.Write(new { settings.Server, settings.Email, settings.EmailLocked, Mode = settings.Mode == SyncMode.Client ? "client" : "own", settings.ClientEmail,
                    settings.TrackSales, settings.TrackPayments, settings.PayPalAccount, settings.OtherPaymentsAccount, CreditCards = cards,
                    settings.LastSyncedAt, settings.Cursor, settings.LastEmail }, cli.Out);
            }
            else
            {
                Show.Table(cli, grid);
            }
            return BooksApp.Done;
        }));
        return command;
    }

    private static IReadOnlyList<string> Cards(Storage.BooksRead scope) => scope.CreditCards.List().Select(c => c.Name).ToList();

    private static string Account(int? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "(not set)";
}
