using BillingBooks.Billing.Contracts;
using PdfSharp.Drawing;

namespace BillingBooks.Billing.Pdf;

/// <summary>
/// Which of the invoice's taxes each line is charged, for its Tax column (GST/HST invoices show which items are
/// taxable): the taxes' own names when all of them fit the column together ("GST QST"), else a one-letter code each
/// ("G P M", numbered 1 2 3 when two share a letter) that a legend beside the totals explains; "–" for none.
/// </summary>
internal sealed class TaxMarks
{
    public const double ColumnWidth = 46;
    public const string None = "–";

    private readonly IReadOnlyList<(InvoiceTaxDocument Tax, string Mark)> _taxes;

    private TaxMarks(IReadOnlyList<(InvoiceTaxDocument Tax, string Mark)> taxes, bool coded)
    {
        _taxes = taxes;
        Legend = coded ? taxes.Select(t => $"{t.Mark} = {t.Tax.Name} {t.Tax.Rate}%").ToArray() : [];
    }

    /// <summary>"G = GST 5%" for each tax when the column shows codes; empty when it shows the names themselves.</summary>
    public IReadOnlyList<string> Legend { get; }

    public static TaxMarks For(IReadOnlyList<InvoiceTaxDocument> taxes, XGraphics graphics, XFont font)
    {
        if (graphics.MeasureString(string.Join(" ", taxes.Select(t => t.Name)), font).Width <= ColumnWidth)
        {
            return new(taxes.Select(t => (t, t.Name)).ToArray(), coded: false);
        }

        var letters = taxes.Select(t => char.ToUpperInvariant(t.Name.FirstOrDefault(char.IsLetterOrDigit, '?')).ToString()).ToArray();
        var distinct = letters.Distinct(StringComparer.Ordinal).Count() == letters.Length;
        return new(taxes.Select((t, i) => (t, distinct ? letters[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray(), coded: true);
    }

    /// <summary>The marks of the taxes ticked on <paramref name="line"/>, in the invoice's order of taxes.</summary>
    public string Of(InvoiceLineDocument line)
    {
        var marks = _taxes.Where(t => line.Taxes.Contains(t.Tax.Name, StringComparer.OrdinalIgnoreCase)).Select(t => t.Mark).ToArray();
        return marks.Length == 0 ? None : string.Join(" ", marks);
    }
}
