using System.Globalization;
using System.Text;

namespace BillingBooks.Billing.Reports;

/// <summary>
/// SPEC 1.7's reports as CSV files (the rows the page shows, header first), for bookkeepers, who open them in Excel:
/// UTF-8 behind a byte order mark. Without the mark Excel reads a CSV in the machine's ANSI code page and shows
/// "Montréal" as "MontrÃ©al"; LibreOffice, Numbers and Python's utf-8-sig take the mark for what it is. Only here:
/// JSON (RFC 8259) must not carry one.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Encode(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(",", row.Select(Quote)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// RFC 4180 quoting; a cell starting with = + - @ TAB or CR (OWASP's list) is prefixed with ' so a spreadsheet
    /// never runs it as a formula. A plain negative number (an amount) is left as it is.
    /// </summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var plainNegative = field.StartsWith('-')
            && decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !plainNegative
            ? "'" + field
            : field;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 || safe != field ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
