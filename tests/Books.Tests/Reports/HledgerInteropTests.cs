using System.Diagnostics;
using System.Globalization;
using BillingBooks.Books.Reports;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

/// <summary>The export read back by the real hledger and ledger: every account's balance equals the trial balance to the cent.</summary>
public class HledgerInteropTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // two fiscal years: the export closes 2025's income into Retained Earnings, as the reports do
    public void Hledger_balances_of_the_export_equal_the_trial_balance(bool twoYears)
    {
        if (Tool("hledger") is not { } hledger)
        {
            return;
        }

        using var company = Generated(twoYears);
        var journal = Export(company);
        var output = Run(hledger, "-f", journal, "bal", "--flat", "-N", "-O", "csv");
        var balances = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split("\",\"", StringSplitOptions.None))
            .ToDictionary(cells => cells[0].Trim('"'), cells => ParseAmount(cells[1].Trim('"', '\r')));
        Assert.Equal(Expected(company), balances);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ledger_balances_of_the_export_equal_the_trial_balance(bool twoYears)
    {
        if (Tool("ledger") is not { } ledger)
        {
            return;
        }

        using var company = Generated(twoYears);
        var journal = Export(company);
        var output = Run(ledger, "-f", journal, "bal", "--flat", "--no-total", "--balance-format", "%(account)|%(display_total)\n");
        var balances = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .ToDictionary(cells => cells[0], cells => ParseAmount(cells[1]));
        Assert.Equal(Expected(company), balances);
    }

    [Fact]
    public void Export_names_accounts_by_type_number_and_name()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme; Co.");
        company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))], Memo: "First: invoice;  with notes")));
        var text = new StringWriter(CultureInfo.InvariantCulture);
        company.Read(r => { r.Hledger.Write(text); return 0; });
        Assert.Contains("\n2026-02-01 * (1) First: invoice, with notes\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("    assets:1200 Accounts Receivable  113.00 CAD\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("    liabilities:2310 GST/HST Charged on Sales  -13.00 CAD\n", text.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A company with a seeded random history: foreign sales, card fees, reversals, adjustments.</summary>
    private static TestCompany Generated(bool twoYears)
    {
        var company = RandomBooks.NewCompany(twoYears ? RandomBooks.FirstDay : null);
        var history = RandomBooks.Op.Array[150].Single(_ => true, seed: "8pJxQkgXAvh1");
        foreach (var op in history)
        {
            RandomBooks.Apply(company, op);
        }

        Assert.Empty(company.Read(r => r.Checks.Run()));
        Assert.True(company.Read(r => r.Reports.TrialBalance(r.Settings.Get().FiscalYearEnd)).Rows.Count > 8, "the sample history should touch many accounts");
        return company;
    }

    private static string Export(TestCompany company)
    {
        var path = Path.Combine(company.Directory, "export.journal");
        using (var writer = new StreamWriter(path))
        {
            company.Read(r => { r.Hledger.Write(writer); return 0; });
        }

        Assert.Contains(" USD @ ", File.ReadAllText(path), StringComparison.Ordinal);
        return path;
    }

    private static Dictionary<string, decimal> Expected(TestCompany company) =>
        company.Read(r =>
        {
            var accounts = r.Accounts.List().ToDictionary(a => a.Number);
            // As of the current year's end (the history's year-ends may have started later years): every entry counted.
            return r.Reports.TrialBalance(r.Settings.Get().FiscalYearEnd).Rows.ToDictionary(row => HledgerExport.Name(accounts[row.Number]), row => (row.Debit - row.Credit).Amount);
        });

    private static decimal ParseAmount(string text)
    {
        var number = text.Trim().Replace("CAD", "", StringComparison.Ordinal).Trim();
        return decimal.Parse(number, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    /// <summary>The tool's path; null (skip) outside CI when it is missing; a failure in CI.</summary>
    private static string? Tool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (found is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{name} is not installed; CI needs it (apt-get install {name}).");
        }

        return found;
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{tool} did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error.Result}");
        return output.Result;
    }
}
