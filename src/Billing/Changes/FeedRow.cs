namespace BillingBooks.Billing.Changes;

public sealed record FeedRow(long Seq, string Kind, long RecordId, long Version, long Deleted, string Doc);
