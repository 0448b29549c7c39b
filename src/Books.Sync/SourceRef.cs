using System.Globalization;

namespace BillingBooks.Books.Sync;

/// <summary>
/// Where an imported Books record came from: one version of one Billing record. Unique in the company file,
/// so a retry, a crash or a second run never posts the same version twice (SPEC 3.5).
/// </summary>
public readonly record struct SourceRef(string Dataset, string Kind, string Id, int Version)
{
    /// <summary>"billing:DATASET/invoice/ID@3", as messages name it. The entries it posts do not carry it: sync_source does.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"billing:{Dataset}/{Kind}/{Id}@{Version}");

    public RecordKey Record => new(Kind, Id);
}

/// <summary>A Billing record regardless of version, within the synchronized dataset.</summary>
public readonly record struct RecordKey(string Kind, string Id)
{
    public override string ToString() => $"{Kind} {Id}";
}
