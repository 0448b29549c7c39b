namespace BillingBooks.Money;

/// <summary>Arithmetic on two currencies: a programming error, never an expected outcome.</summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine {left?.Code} and {right?.Code} amounts; convert one first.")
    {
    }

    public CurrencyMismatchException()
    {
    }

    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
