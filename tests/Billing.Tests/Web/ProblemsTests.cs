using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// The problems the service answers outside its endpoints come from the one mapping too (over HTTP: a 404 of an
/// unknown path in <see cref="ValidationTests{T}"/>; a bug has no request that makes it).
/// </summary>
public sealed class ProblemsTests
{
    [Fact]
    public void A_bug_is_a_500_saying_it_was_logged()
    {
        var problem = Problems.ToProblem(new Bug());
        Assert.Equal(new Problem("https://billingbooks.example/problems/bug", "Internal error", 500, "This is a bug in Billing; it was logged.", null), problem);
    }

    [Fact]
    public void A_status_asp_net_core_answered_itself_is_typed_and_titled_by_that_status()
    {
        var problem = Problems.ToProblem(new FrameworkStatus(405, "This endpoint does not take that method; see /openapi/v1.json."));
        Assert.Equal(
            new Problem("https://billingbooks.example/problems/http-405", "Method Not Allowed", 405, "This endpoint does not take that method; see /openapi/v1.json.", null),
            problem);
    }
}
