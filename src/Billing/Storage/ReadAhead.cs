namespace BillingBooks.Billing.Storage;

/// <summary>
/// A query a write makes right after taking the account's lock, given to
/// <see cref="Database.BeginAccountWriteAsync"/> in advance: on PostgreSQL it travels in the lock's round trip
/// (one batch, run in order after the lock, each statement with its own snapshot as if sent alone), and the
/// session answers the same query from that result, provided no other statement ran in between.
/// </summary>
/// <param name="Sql">Exactly the SQL the store will run.</param>
/// <param name="Parameters">Equal (anonymous objects compare by value) to the parameters the store will pass.</param>
/// <param name="Row">The row type the store will ask for.</param>
public sealed record ReadAhead(string Sql, object Parameters, Type Row);
