using System.CommandLine;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Receipts;

/// <summary>--method as typed: cash, cheque, other, or card NAME (a Credit Cards Accepted name).</summary>
internal sealed record PaymentSpec(PaymentMethod Method, string? Card)
{
    /// <summary>As typed on the command line ("cash", "card Visa"); help shows the default this way.</summary>
    public override string ToString() => Method switch
    {
        PaymentMethod.CreditCard => "card " + Card,
        _ => Method.ToString().ToLowerInvariant(),
    };

    public static Option<PaymentSpec> Option() => new("--method")
    {
        Description = "cash (default), cheque, other, or card NAME (a card accepted, e.g. --method card Visa).",
        HelpName = "cash|cheque|card NAME|other",
        Arity = new ArgumentArity(1, 2),
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => new PaymentSpec(PaymentMethod.Cash, null),
        CustomParser = result =>
        {
            var words = result.Tokens.Select(t => t.Value).ToArray();
            var method = words[0].ToUpperInvariant() switch
            {
                "CASH" => PaymentMethod.Cash,
                "CHEQUE" or "CHECK" => PaymentMethod.Cheque,
                "CARD" => PaymentMethod.CreditCard,
                "OTHER" => PaymentMethod.Other,
                _ => (PaymentMethod?)null,
            };
            if (method is null || (method == PaymentMethod.CreditCard) != (words.Length == 2))
            {
                result.AddError($"--method: '{string.Join(' ', words)}' is not a method; use cash, cheque, other or card NAME (e.g. --method card Visa)");
                return new PaymentSpec(PaymentMethod.Cash, null);
            }

            return new PaymentSpec(method.Value, words.Length == 2 ? words[1] : null);
        },
    };
}
