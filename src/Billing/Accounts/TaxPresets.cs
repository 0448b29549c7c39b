using System.Text.Json;
using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Accounts;

/// <summary>The provinces' official rates, read from the one data file provincial-taxes.json (embedded).</summary>
public static class TaxPresets
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<TaxDefinition>>> Table = new(Load);

    public static IReadOnlyCollection<string> Provinces => (IReadOnlyCollection<string>)Table.Value.Keys;

    public static IReadOnlyList<TaxDefinition>? For(string? province) =>
        province is not null && Table.Value.TryGetValue(province.Trim().ToUpperInvariant(), out var taxes) ? taxes : null;

    private static Dictionary<string, IReadOnlyList<TaxDefinition>> Load()
    {
        using var stream = typeof(TaxPresets).Assembly.GetManifestResourceStream("provincial-taxes.json")
            ?? throw new InvalidOperationException("provincial-taxes.json is not embedded in the assembly.");
        using var document = JsonDocument.Parse(stream);
        var table = new Dictionary<string, IReadOnlyList<TaxDefinition>>(StringComparer.Ordinal);
        foreach (var province in document.RootElement.EnumerateObject())
        {
            if (province.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            table[province.Name] = province.Value.EnumerateArray()
                .Select(t => new TaxDefinition(t.GetProperty("name").GetString(), t.GetProperty("rate").GetString(), true, null))
                .ToArray();
        }

        return table;
    }
}
