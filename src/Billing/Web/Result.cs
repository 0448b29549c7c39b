namespace BillingBooks.Billing.Web;

/// <summary>A value or the expected error that prevented it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, BillingError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public BillingError? Error { get; }

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(BillingError error) => new(default, error);
}
