using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

/// <summary>Sections of the balance sheet and income statement as grid rows and JSON.</summary>
internal static class StatementRows
{
    public static Grid NewGrid() => new(new Column("Section"), new Column("Number"), new Column("Name"), Column.Amount("Amount"));

    public static void AddSection(Grid grid, string section, IEnumerable<StatementRow> rows, Money.Money total)
    {
        foreach (var row in rows)
        {
            grid.Add(section, row.Number?.ToString() ?? string.Empty, row.Name, row.Amount.ToDecimalString());
        }

        grid.Add(section, string.Empty, $"Total {section.ToLowerInvariant()}", total.ToDecimalString());
    }

    public static object Json(IEnumerable<StatementRow> rows) =>
        rows.Select(r => new { number = r.Number?.ToString(), name = r.Name, amount = r.Amount.ToDecimalString() }).ToArray();
}
