using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Payments;

/// <summary>SPEC 1.6: the shape of a payment; what it is applied to is checked against the invoices afterwards.</summary>
public static class PaymentRules
{
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        PaymentMethods.Cash, PaymentMethods.Cheque, PaymentMethods.CreditCard, PaymentMethods.PayPal, PaymentMethods.Other,
    };

    public static readonly IReadOnlySet<string> Brands = new HashSet<string>(StringComparer.Ordinal)
    {
        CardBrands.Visa, CardBrands.Master, CardBrands.AmericanExpress, CardBrands.Discover, CardBrands.DinersClub, CardBrands.Jcb,
    };

    /// <summary>A valid payment, amounts in minor units, before it meets its invoices.</summary>
    public sealed record ValidPayment(PaymentDocument Document, long CustomerId, Currency Currency, long Amount, IReadOnlyList<(long InvoiceId, long Amount)> Applications);

    public static Result<ValidPayment> Validate(PaymentRequest input, long customerId, string customerCurrency, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var code = string.IsNullOrWhiteSpace(input.Currency) ? customerCurrency : input.Currency.Trim().ToUpperInvariant();
        if (!Currency.TryGet(code, out var currency))
        {
            errors.Add("currency", $"'{input.Currency}' is not an ISO 4217 currency code; use the invoices' currency");
            currency = Currency.CAD;
        }

        if (!Money.Money.TryParse(input.Amount, currency, CultureInfo.InvariantCulture, out var amount, out var amountError))
        {
            errors.Add("amount", $"{amountError}; write the amount as a string like \"100.00\"");
            amount = Money.Money.Zero(currency);
        }
        else if (!amount.IsPositive)
        {
            errors.Add("amount", "a payment's amount must be greater than zero");
        }

        var method = input.Method?.Trim();
        if (method is null || !Methods.Contains(method))
        {
            errors.Add("method", $"'{input.Method}' is not a payment method; use one of {string.Join(", ", Methods)}");
        }

        var brand = input.CardBrand?.Trim();
        if (method == PaymentMethods.CreditCard && (brand is null || !Brands.Contains(brand)))
        {
            errors.Add("cardBrand", $"a credit card payment needs the brand: one of {string.Join(", ", Brands)}");
        }
        else if (method != PaymentMethods.CreditCard && brand is not null)
        {
            errors.Add("cardBrand", "only credit card payments have a card brand; remove it");
        }

        var cheque = input.ChequeNumber?.Trim();
        if (method == PaymentMethods.Cheque && string.IsNullOrEmpty(cheque))
        {
            errors.Add("chequeNumber", "a cheque payment needs the cheque number");
        }
        else if (method != PaymentMethods.Cheque && !string.IsNullOrEmpty(cheque))
        {
            errors.Add("chequeNumber", "only cheque payments have a cheque number; remove it");
        }

        errors.MaxLength("chequeNumber", cheque, 40);
        errors.MaxLength("reference", input.Reference, 255);

        var applications = new List<(long, long)>();
        var inputApplications = input.Applications ?? [];
        if (inputApplications.Count == 0)
        {
            errors.Add("applications", "apply the payment to at least one invoice: [{\"invoiceId\": \"...\", \"amount\": \"...\"}]");
        }

        var applied = Money.Money.Zero(currency);
        for (var i = 0; i < inputApplications.Count; i++)
        {
            var application = inputApplications[i];
            var at = $"applications[{i}]";
            if (application is null)
            {
                errors.Add(at, "an application is an object with invoiceId and amount");
                continue;
            }

            if (!Storage.WireId.TryParse(application.InvoiceId, out var invoiceId))
            {
                errors.Add($"{at}.invoiceId", $"'{application.InvoiceId}' is not an invoice id");
            }
            else if (applications.Any(a => a.Item1 == invoiceId))
            {
                errors.Add($"{at}.invoiceId", "this invoice appears twice; apply one amount per invoice");
            }

            if (!Money.Money.TryParse(application.Amount, currency, CultureInfo.InvariantCulture, out var part, out var partError))
            {
                errors.Add($"{at}.amount", $"{partError}; write the amount as a string like \"50.00\"");
                continue;
            }

            if (!part.IsPositive)
            {
                errors.Add($"{at}.amount", "an applied amount must be greater than zero");
                continue;
            }

            // Refused here, before any sum in minor units could overflow: no invoice owes as much.
            if (part.Amount >= Invoices.InvoiceRules.Limit)
            {
                errors.Add($"{at}.amount", $"an applied amount must be below {Invoices.InvoiceRules.Limit.ToString("N0", CultureInfo.InvariantCulture)}: no invoice owes as much");
                continue;
            }

            applied += part;
            applications.Add((invoiceId, part.MinorUnits));
        }

        if (errors.IsEmpty && applied != amount)
        {
            errors.Add("applications", $"the applied amounts add up to {applied.ToDecimalString()} but the payment is {amount.ToDecimalString()}; they must be equal");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        var date = input.Date ?? today;
        var document = new PaymentDocument(
            "",
            customerId.ToString(CultureInfo.InvariantCulture),
            date,
            amount.ToDecimalString(),
            currency.Code,
            method!,
            brand,
            method == PaymentMethods.Cheque ? cheque : null,
            input.Reference,
            applications.Select(a => new PaymentApplicationDocument(a.Item1.ToString(CultureInfo.InvariantCulture), Money.Money.FromMinorUnits(a.Item2, currency).ToDecimalString())).ToArray());
        return new ValidPayment(document, customerId, currency, amount.MinorUnits, applications);
    }
}
