using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Accounts;

/// <summary>SPEC 1.2: up to three taxes; an enabled tax needs a name and a rate; compound taxes without cycles.</summary>
public static class TaxRules
{
    public const int MaxTaxes = 3;

    public static IReadOnlyList<TaxDefinition> Validate(IReadOnlyList<TaxDefinition>? taxes, string path, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (taxes is null)
        {
            return [];
        }

        if (taxes.Count > MaxTaxes)
        {
            errors.Add(path, $"at most {MaxTaxes} taxes ({taxes.Count} given); remove some");
            return [];
        }

        var normalized = new List<TaxDefinition>();
        for (var i = 0; i < taxes.Count; i++)
        {
            var tax = taxes[i];
            var at = $"{path}[{i}]";
            if (tax is null)
            {
                errors.Add(at, "a tax is an object with name, rate, enabled and chargedOn");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(tax.Name) ? null : tax.Name.Trim();
            errors.MaxLength($"{at}.name", name, 40);
            string? rate = null;
            if (!string.IsNullOrWhiteSpace(tax.Rate))
            {
                if (TryParseRate(tax.Rate, out var value, out var error))
                {
                    rate = value.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    errors.Add($"{at}.rate", error);
                }
            }

            if (tax.Enabled && name is null)
            {
                errors.Add($"{at}.name", "an enabled tax needs a name, e.g. GST");
            }

            if (tax.Enabled && string.IsNullOrWhiteSpace(tax.Rate))
            {
                errors.Add($"{at}.rate", "an enabled tax needs a rate in percent greater than 0, e.g. \"5\"");
            }

            if (name is not null && normalized.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{at}.name", $"two taxes are named '{name}'; give each tax its own name");
            }

            normalized.Add(new TaxDefinition(name, rate, tax.Enabled, string.IsNullOrWhiteSpace(tax.ChargedOn) ? null : tax.ChargedOn.Trim()));
        }

        for (var i = 0; i < normalized.Count; i++)
        {
            var chargedOn = normalized[i].ChargedOn;
            if (chargedOn is null)
            {
                continue;
            }

            var target = normalized.FindIndex(t => string.Equals(t.Name, chargedOn, StringComparison.OrdinalIgnoreCase));
            if (target < 0 || target == i)
            {
                errors.Add($"{path}[{i}].chargedOn", $"'{chargedOn}' is not another tax of this list; name one of the other taxes or leave it empty");
            }
            else if (normalized[i].Enabled && !normalized[target].Enabled)
            {
                errors.Add($"{path}[{i}].chargedOn", $"'{chargedOn}' is not enabled; enable it or leave chargedOn empty");
            }
            else
            {
                normalized[i] = normalized[i] with { ChargedOn = normalized[target].Name };
            }
        }

        for (var i = 0; i < normalized.Count; i++)
        {
            if (HasCycle(normalized, i))
            {
                errors.Add($"{path}[{i}].chargedOn", "taxes charged on each other make a cycle; one of them must not be charged on the other");
            }
        }

        return normalized;
    }

    public static bool TryParseRate(string text, out decimal rate, out string error)
    {
        error = "";
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rate))
        {
            error = $"'{text}' is not a percent; write it like \"9.975\"";
            return false;
        }

        if (rate <= 0m || rate >= 100m)
        {
            error = "a rate is a percent greater than 0 and less than 100";
            return false;
        }

        if (decimal.Round(rate, 4) != rate)
        {
            error = "a rate has at most 4 decimals";
            return false;
        }

        rate = decimal.Parse(rate.ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return true;
    }

    private static bool HasCycle(List<TaxDefinition> taxes, int start)
    {
        var current = start;
        for (var step = 0; step <= taxes.Count; step++)
        {
            var chargedOn = taxes[current].ChargedOn;
            if (chargedOn is null)
            {
                return false;
            }

            current = taxes.FindIndex(t => string.Equals(t.Name, chargedOn, StringComparison.OrdinalIgnoreCase));
            if (current < 0)
            {
                return false;
            }

            if (current == start)
            {
                return true;
            }
        }

        return true;
    }
}
