using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Checks;

/// <summary>One broken invariant: which check, where (entry / account / customer / invoice), and what is wrong.</summary>
public sealed record CheckFailure(string Check, string Where, string Message);

/// <summary>Check data integrity (SPEC 2.4): every invariant of the books, each failure saying what and where.</summary>
public sealed class IntegrityChecks
{
    private readonly BooksRead _scope;

    internal IntegrityChecks(BooksRead scope) => _scope = scope;

    /// <summary>Every failure found; empty when the books are sound.</summary>
    public IReadOnlyList<CheckFailure> Run() => throw new NotImplementedException();
}
