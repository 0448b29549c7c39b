using System.Globalization;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Pages;

/// <summary>The three tax rows of the profile and customer forms, to and from the API's tax definitions.</summary>
public static class TaxForm
{
    public const int Rows = 3;

    public static void Fill(Dictionary<string, string?> values, IReadOnlyList<TaxDefinition>? taxes)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < (taxes?.Count ?? 0) && i < Rows; i++)
        {
            var t = taxes![i];
            var p = string.Create(CultureInfo.InvariantCulture, $"taxes[{i}]");
            values[p + ".name"] = t.Name;
            values[p + ".rate"] = t.Rate;
            values[p + ".enabled"] = t.Enabled ? "true" : null;
            values[p + ".chargedOn"] = t.ChargedOn;
        }
    }

    /// <summary>The rows as typed; wholly empty rows are left out only at the end, so error paths keep their row.</summary>
    public static IReadOnlyList<TaxDefinition> Read(Func<string, string?> posted, Func<string, bool> isChecked)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(isChecked);
        var rows = new List<TaxDefinition>();
        for (var i = 0; i < Rows; i++)
        {
            var p = string.Create(CultureInfo.InvariantCulture, $"taxes[{i}]");
            rows.Add(new TaxDefinition(posted(p + ".name"), posted(p + ".rate"), isChecked(p + ".enabled"), posted(p + ".chargedOn")));
        }

        while (rows.Count > 0 && rows[^1] is { Name: null, Rate: null, Enabled: false, ChargedOn: null })
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }
}
