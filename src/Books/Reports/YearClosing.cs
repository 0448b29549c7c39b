using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>
/// The closing transactions of the hledger export: as the entries stream past in date order, sums each revenue and
/// expense account over the fiscal year being read, and once an entry of a later year arrives (or the stream ends),
/// writes that year's close into Retained Earnings, dated on its last day. Constant memory: one sum per account.
/// </summary>
internal sealed class YearClosing(IReadOnlyList<FiscalYear> closedYears, IReadOnlySet<long> incomeAccounts, string retainedEarnings)
{
    private readonly SortedDictionary<long, long> _sums = [];
    private int _next;

    public void Add(long account, long amount)
    {
        if (_next < closedYears.Count && incomeAccounts.Contains(account))
        {
            _sums[account] = checked(_sums.GetValueOrDefault(account) + amount);
        }
    }

    /// <summary>Writes the close of every year that ended before <paramref name="date"/> (ISO yyyy-MM-dd).</summary>
    public void WriteYearsEndedBefore(string date, TextWriter writer, IReadOnlyDictionary<int, string> names, Func<long, string> amount)
    {
        while (_next < closedYears.Count && string.CompareOrdinal(SqlFormats.Date(closedYears[_next].End), date) < 0)
        {
            Write(closedYears[_next], writer, names, amount);
            _sums.Clear();
            _next++;
        }
    }

    private void Write(FiscalYear year, TextWriter writer, IReadOnlyDictionary<int, string> names, Func<long, string> amount)
    {
        var total = 0L;
        var lines = new List<string>();
        foreach (var (account, sum) in _sums)
        {
            if (sum == 0)
            {
                continue;
            }

            total = checked(total + sum);
            lines.Add($"    {names[checked((int)account)]}  {amount(-sum)}\n");
        }

        if (lines.Count == 0)
        {
            return;
        }

        writer.Write($"\n{SqlFormats.Date(year.End)} * Year-end close {SqlFormats.Date(year.Start)} to {SqlFormats.Date(year.End)}: revenue and expenses to Retained Earnings\n");
        foreach (var line in lines)
        {
            writer.Write(line);
        }

        writer.Write($"    {retainedEarnings}  {amount(total)}\n");
    }
}
