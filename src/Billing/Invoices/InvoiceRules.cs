using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Invoices;

/// <summary>SPEC 1.4: what an invoice or quote must be. Every field error is reported at once.</summary>
public static class InvoiceRules
{
    /// <summary>A line subtotal and the invoice total must each be below this (in the invoice's currency).</summary>
    public const decimal Limit = 1_000_000m;

    public const int MaxLines = 200;

    /// <summary>The parts of an invoice that come from elsewhere: its customer's currency, its taxes, today.</summary>
    public sealed record Context(long CustomerId, string CustomerCurrency, IReadOnlyList<TaxDefinition> Taxes, DateOnly Today);

    public static Result<InvoiceState> Validate(InvoiceRequest input, InvoiceState current, Context context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new FieldErrors();
        var code = string.IsNullOrWhiteSpace(input.Currency) ? context.CustomerCurrency : input.Currency.Trim().ToUpperInvariant();
        if (!Currency.TryGet(code, out var currency))
        {
            errors.Add("currency", $"'{input.Currency}' is not an ISO 4217 currency code; use e.g. CAD, USD, EUR, JPY");
            currency = Currency.CAD;
        }

        var date = input.Date ?? context.Today;
        var due = input.DueDate ?? date;
        if (due < date)
        {
            errors.Add("dueDate", $"the due date {due:yyyy-MM-dd} is before the date {date:yyyy-MM-dd}; it must be on or after it");
        }

        var number = input.Number?.Trim();
        if (number is { Length: 0 })
        {
            number = null;
        }

        errors.MaxLength("number", number, 30);
        errors.MaxLength("reference", input.Reference, 255);
        errors.MaxLength("description", input.Description, 4000);
        errors.MaxLength("comments", input.Comments, 4000);
        errors.MaxLength("contactEmail", input.ContactEmail, 254);

        var taxNames = context.Taxes.Select(t => t.Name!).ToArray();
        var lines = new List<InvoiceLineRequest>();
        var inputLines = input.Lines ?? [];
        if (inputLines.Count > MaxLines)
        {
            errors.Add("lines", $"at most {MaxLines} lines ({inputLines.Count} given)");
        }

        for (var i = 0; i < inputLines.Count; i++)
        {
            var line = inputLines[i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(at, "a line is an object with unit, description, quantity, unitPrice and taxes");
                continue;
            }

            errors.MaxLength($"{at}.unit", line.Unit, 255);
            errors.MaxLength($"{at}.description", line.Description, 4000);
            var quantity = 0m;
            if (!decimal.TryParse(line.Quantity, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out quantity))
            {
                errors.Add($"{at}.quantity", $"'{line.Quantity}' is not a quantity; write it as a string like \"1\" or \"2.5\"");
            }
            else if (quantity < 0m)
            {
                errors.Add($"{at}.quantity", "a quantity cannot be negative (use 0 or more)");
            }
            else if (decimal.Round(quantity, 4) != quantity)
            {
                errors.Add($"{at}.quantity", "a quantity has at most 4 decimals");
            }

            var price = Money.Money.Zero(currency);
            if (!Money.Money.TryParse(line.UnitPrice, currency, CultureInfo.InvariantCulture, out price, out var priceError))
            {
                errors.Add($"{at}.unitPrice", $"{priceError}; write the unit price as a string like \"12.50\"");
                price = Money.Money.Zero(currency);
            }
            else if (price.IsNegative)
            {
                errors.Add($"{at}.unitPrice", "a unit price cannot be negative; use the invoice discount to reduce the total");
            }

            var ticked = line.Taxes ?? taxNames;
            var canonical = new List<string>();
            foreach (var name in ticked)
            {
                var match = taxNames.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    errors.Add($"{at}.taxes", $"'{name}' is not one of this invoice's taxes ({(taxNames.Length == 0 ? "it has none" : string.Join(", ", taxNames))})");
                }
                else if (!canonical.Contains(match))
                {
                    canonical.Add(match);
                }
            }

            // Compared by division: the product of a 29-digit quantity and a price overflows decimal.
            if (price.Amount != 0m && Math.Abs(quantity) >= Limit / Math.Abs(price.Amount))
            {
                errors.Add($"{at}", $"a line's amount must be below {Limit.ToString("N0", CultureInfo.InvariantCulture)}");
            }

            lines.Add(new InvoiceLineRequest(
                line.Unit,
                line.Description,
                quantity.ToString("0.####", CultureInfo.InvariantCulture),
                price.ToDecimalString(),
                canonical));
        }

        var discount = ValidateDiscount(input.Discount, currency, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        var state = current with
        {
            CustomerId = context.CustomerId,
            Number = number ?? current.Number,
            Date = date,
            DueDate = due,
            Reference = input.Reference,
            Description = input.Description,
            Currency = currency.Code,
            Discount = discount,
            Comments = input.Comments,
            ContactEmail = input.ContactEmail,
            Lines = lines,
            Taxes = context.Taxes,
        };
        // An amount discount is compared with the subtotal before it is spread over the lines: one too large for any
        // invoice would overflow the spreading (in minor units).
        var subtotal = (state with { Discount = null }).Compute().Subtotal;
        var discountAmount = discount?.Kind == "amount" ? Money.Money.Parse(discount.Value!, currency) : Money.Money.Zero(currency);
        if (discountAmount > subtotal)
        {
            errors.Add("discount.value", $"the discount {discountAmount.ToDecimalString()} is more than the subtotal {subtotal.ToDecimalString()}");
            return errors.ToError();
        }

        var totals = state.Compute();

        if (totals.Total.Amount >= Limit)
        {
            errors.Add("lines", $"the invoice total {totals.Total.ToDecimalString()} must be below {Limit.ToString("N0", CultureInfo.InvariantCulture)}; split it into several invoices");
        }

        return errors.IsEmpty ? state : errors.ToError();
    }

    private static DiscountRequest? ValidateDiscount(DiscountRequest? discount, Currency currency, FieldErrors errors)
    {
        if (discount is null || (discount.Kind is null && string.IsNullOrWhiteSpace(discount.Value)))
        {
            return null;
        }

        switch (discount.Kind)
        {
            case "percent":
                if (!decimal.TryParse(discount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent < 0m || percent > 100m)
                {
                    errors.Add("discount.value", $"'{discount.Value}' is not a percent from 0 to 100, e.g. \"10\"");
                    return null;
                }

                if (decimal.Round(percent, 4) != percent)
                {
                    errors.Add("discount.value", "a percent discount has at most 4 decimals");
                    return null;
                }

                return percent == 0m ? null : new DiscountRequest("percent", percent.ToString("0.####", CultureInfo.InvariantCulture));
            case "amount":
                if (!Money.Money.TryParse(discount.Value, currency, CultureInfo.InvariantCulture, out var amount, out var error))
                {
                    errors.Add("discount.value", $"{error}; write the discount as a string like \"25.00\"");
                    return null;
                }

                if (amount.IsNegative)
                {
                    errors.Add("discount.value", "a discount cannot be negative");
                    return null;
                }

                return amount.IsZero ? null : new DiscountRequest("amount", amount.ToDecimalString());
            default:
                errors.Add("discount.kind", $"'{discount.Kind}' is not a discount kind; use \"percent\" or \"amount\"");
                return null;
        }
    }

    /// <summary>SPEC 1.4: an invoice can be sent only with a customer, at least one line and a total above zero.</summary>
    public static string? WhyNotSendable(InvoiceState state, InvoiceTotals totals)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(totals);
        if (state.Lines.Count == 0)
        {
            return "An invoice needs at least one line before it is sent; add a line.";
        }

        return totals.Total.IsPositive ? null : "An invoice's total must be above zero before it is sent.";
    }
}
