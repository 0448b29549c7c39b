namespace BillingBooks.Billing.Contracts;

/// <summary>GET /api/v1/datasets: the caller's own books and those of clients under an active contract.</summary>
public sealed record DatasetList(IReadOnlyList<Dataset> Items);

/// <param name="Relation">"own" or "client" (see <see cref="DatasetRelations"/>).</param>
public sealed record Dataset(string Id, string Email, string? Company, string Relation);

public static class DatasetRelations
{
    public const string Own = "own";
    public const string Client = "client";
}
