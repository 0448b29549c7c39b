namespace BillingBooks.Books.Sync.Mapping;

/// <summary>A record mapped to what Books posts, or the conflict that keeps it out for now.</summary>
public readonly record struct Mapped<T>(T? Draft, SyncIssue? Issue)
    where T : class
{
#pragma warning disable CA2225, CA1000 // conversions keep the rules readable: `return draft;` / `return issue;`
    public static implicit operator Mapped<T>(T draft) => new(draft, null);

    public static implicit operator Mapped<T>(SyncIssue issue) => new(null, issue);
#pragma warning restore CA2225, CA1000
}
