using System.Globalization;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Sync;

namespace BillingBooks.Books.Cli.Commands.Sync;

/// <summary>The end-of-run report: counts, open conflicts with their fixes, reconciliation (or the plan of a dry run).</summary>
internal static class SyncReportView
{
    public static void Write(CliContext cli, SyncReport report, string format)
    {
        if (format == "json")
        {
            Json.Write(report, cli.Out);
            return;
        }

        cli.Out.WriteLine(report.DryRun ? "Dry run: nothing was changed. The sync would do this:" : "Synchronized with Billing.");
        var counts = new Grid(new Column("Records"), Column.Amount("Imported"), Column.Amount("Adjusted"), Column.Amount("Reversed"), Column.Amount("Unchanged"));
        counts.Add(Row("Customers", report.Customers));
        counts.Add(Row("Invoices", report.Invoices));
        counts.Add(Row("Payments", report.Payments));
        Show.Table(cli, counts);

        if (report.DryRun && report.Plan.Count > 0)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine("Entries it would post:");
            var home = Money.Currency.Get(report.HomeCurrency);
            var plan = new Grid(new Column("Action"), new Column("Entry"), new Column($"Effect on accounts ({home.Code}, Dr +)"));
            foreach (var entry in report.Plan)
                plan.Add(entry.Action, entry.Label, string.Join(", ", entry.Effects.Select(e => $"{e.Key.ToString(CultureInfo.InvariantCulture)} {Signed(e.Value, home)}")));
            Show.Table(cli, plan);
            var totals = new Grid(new Column("Account"), Column.Amount($"Net change ({home.Code}, Dr +)"));
            foreach (var account in report.Plan.SelectMany(p => p.Effects).GroupBy(e => e.Key).OrderBy(g => g.Key))
                totals.Add(account.Key.ToString(CultureInfo.InvariantCulture), Signed(account.Sum(e => e.Value), home));
            Show.Table(cli, totals);
        }

        cli.Out.WriteLine();
        if (report.ConflictCount == 0)
        {
            cli.Out.WriteLine("No open conflicts.");
        }
        else
        {
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.ConflictCount} open conflict(s); each is retried at the next sync once fixed:"));
            foreach (var issue in report.Conflicts)
                cli.Out.WriteLine($"- {issue.Message}");
            if (report.ConflictCount > report.Conflicts.Count)
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- ... and {report.ConflictCount - report.Conflicts.Count} more of the same kinds (fix these first, then sync again)."));
        }

        cli.Out.WriteLine();
        var reconciliation = report.Reconciliation;
        if (!reconciliation.Compared)
        {
            cli.Out.WriteLine($"Reconciliation: {reconciliation.Note}");
        }
        else if (reconciliation.Differences.Count == 0)
        {
            cli.Out.WriteLine("Reconciliation: Books agrees with Billing (owing per customer, totals per currency and per tax).");
        }
        else
        {
            cli.Out.WriteLine("Reconciliation differences (Books vs Billing):");
            foreach (var d in reconciliation.Differences)
                cli.Out.WriteLine($"- {d.What}: Books {d.Books}, Billing {d.Billing} ({(d.Expected ? "expected, in conflict" : "UNEXPECTED")}: {string.Join("; ", d.Records)})");
        }
    }

    private static string[] Row(string what, RecordCounts c) =>
        [what, N(c.Imported), N(c.Adjusted), N(c.Reversed), N(c.Unchanged)];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>An effect (minor units of the home currency) in the currency's decimals, signed: + debit, - credit.</summary>
    private static string Signed(long minor, Money.Currency home) =>
        (minor > 0 ? "+" : "") + Money.Money.FromMinorUnits(minor, home).ToDecimalString();
}
