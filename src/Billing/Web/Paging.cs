namespace BillingBooks.Billing.Web;

public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Paging Of(int? offset, int? limit) =>
        new(Math.Max(0, offset ?? 0), Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit));
}
