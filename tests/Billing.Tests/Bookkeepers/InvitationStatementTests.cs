using System.Text.RegularExpressions;
using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Bookkeepers;

/// <summary>
/// Every tenant-owned query takes the tenant: a statement that picks an invitation by its id also names whose it is
/// (the inviting account or the bookkeeper) or holds the secret of its link. An id-only statement after an ownership
/// check in the same transaction answers the same today, so no request can show the difference: the rule is read
/// from the statements themselves.
/// </summary>
public sealed partial class InvitationStatementTests
{
    [Fact]
    public void Every_statement_that_picks_an_invitation_by_id_names_its_owner()
    {
        var folder = Path.Combine(BillingProcess.FindRepositoryRoot(), "src", "Billing", "Bookkeepers");
        var byId = Directory.GetFiles(folder, "*.cs")
            .SelectMany(file => StringLiteral().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Sql: m.Value)))
            .Where(s => ById().IsMatch(s.Sql))
            .ToList();

        Assert.NotEmpty(byId);
        Assert.All(byId, s => Assert.True(Owner().IsMatch(s.Sql), $"{s.File}: {s.Sql} picks an invitation by id alone; add the owner the earlier check used"));
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?:i\.)?id = @id\b")]
    private static partial Regex ById();

    [GeneratedRegex(@"\b(?:account_id|bookkeeper_id|token_hash) = @")]
    private static partial Regex Owner();
}
