using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

public class FinancialReportsTests
{
    [Fact]
    public void Trial_balance_lists_balances_as_of_the_date()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        company.Ok(w => w.General.Post(new(Day(1, 5), "Capital", [GeneralLine.Debit(new(1060), Cad(1000m)), GeneralLine.Credit(new(3010), Cad(1000m))])));
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Receipts.Post(new(acme.Id, Day(3, 1), Cad(113m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113m))])));

        var february = company.Read(r => r.Reports.TrialBalance(Day(2, 28)));
        Assert.Equal(
            [(1060, 1000m, 0m), (1200, 113m, 0m), (2310, 0m, 13m), (3010, 0m, 1000m), (4020, 0m, 100m)],
            february.Rows.Select(r => (r.Number.Value, r.Debit.Amount, r.Credit.Amount)));
        Assert.Equal(Cad(1113m), february.TotalDebit);
        Assert.Equal(february.TotalDebit, february.TotalCredit);

        var march = company.Read(r => r.Reports.TrialBalance(Day(3, 31)));
        Assert.DoesNotContain(march.Rows, r => r.Number.Value == 1200);
        Assert.Equal(Cad(1113m), march.Rows.Single(r => r.Number.Value == 1060).Debit);
        Assert.Equal("Chequing Bank Account", march.Rows[0].Name);
    }

    [Fact]
    public void Balance_sheet_balances_with_current_earnings()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        company.Ok(w => w.General.Post(new(Day(1, 5), "Capital", [GeneralLine.Debit(new(1060), Cad(1000m)), GeneralLine.Credit(new(3010), Cad(1000m))])));
        company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.General.Post(new(Day(2, 2), "Rent", [GeneralLine.Debit(new(5200), Cad(30m)), GeneralLine.Credit(new(1060), Cad(30m))])));

        var sheet = company.Read(r => r.Reports.BalanceSheet(Day(2, 28)));
        Assert.Equal(Cad(1083m), sheet.TotalAssets);
        Assert.Equal(Cad(13m), sheet.TotalLiabilities);
        Assert.Equal(Cad(1070m), sheet.TotalEquity);
        Assert.Equal(Cad(70m), sheet.Equity.Single(r => r.Number?.Value == 3600).Amount);
        Assert.Equal(sheet.TotalAssets, sheet.TotalLiabilities + sheet.TotalEquity);
    }

    [Fact]
    public void Income_before_the_fiscal_year_goes_to_retained_earnings()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Settings.SetFiscalYear(Day(1, 1), Day(6, 30)));
        company.Ok(w => w.General.Post(new(Day(6, 1), "Sale", [GeneralLine.Debit(new(1060), Cad(500m)), GeneralLine.Credit(new(4200), Cad(500m))])));
        company.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        company.Ok(w => w.Settings.StartNewYear());
        company.Ok(w => w.General.Post(new(Day(7, 2), "Sale", [GeneralLine.Debit(new(1060), Cad(20m)), GeneralLine.Credit(new(4200), Cad(20m))])));

        var sheet = company.Read(r => r.Reports.BalanceSheet(Day(7, 31)));
        Assert.Equal(Cad(500m), sheet.Equity.Single(r => r.Number?.Value == 3560).Amount);
        Assert.Equal(Cad(20m), sheet.Equity.Single(r => r.Number?.Value == 3600).Amount);
        Assert.Equal(sheet.TotalAssets, sheet.TotalLiabilities + sheet.TotalEquity);
    }

    [Fact]
    public void Income_statement_nets_revenue_and_expenses_of_the_period()
    {
        using var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(1, 31), "Jan sale", [GeneralLine.Debit(new(1060), Cad(10m)), GeneralLine.Credit(new(4200), Cad(10m))])));
        company.Ok(w => w.General.Post(new(Day(2, 1), "Feb sale", [GeneralLine.Debit(new(1060), Cad(300m)), GeneralLine.Credit(new(4020), Cad(300m))])));
        company.Ok(w => w.General.Post(new(Day(2, 2), "Rent", [GeneralLine.Debit(new(5200), Cad(120m)), GeneralLine.Credit(new(1060), Cad(120m))])));

        var february = company.Read(r => r.Reports.IncomeStatement(Day(2, 1), Day(2, 28)));
        Assert.Equal([(4020, 300m)], february.Revenue.Select(r => (r.Number!.Value.Value, r.Amount.Amount)));
        Assert.Equal([(5200, 120m)], february.Expenses.Select(r => (r.Number!.Value.Value, r.Amount.Amount)));
        Assert.Equal(Cad(180m), february.NetIncome);
    }

    [Fact]
    public void General_ledger_detail_runs_the_balance_from_the_opening()
    {
        using var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(1, 5), "Capital", [GeneralLine.Debit(new(1060), Cad(1000m)), GeneralLine.Credit(new(3010), Cad(1000m))])));
        company.Ok(w => w.General.Post(new(Day(2, 2), "Rent", [GeneralLine.Debit(new(5200), Cad(300m)), GeneralLine.Credit(new(1060), Cad(300m))])));
        company.Ok(w => w.General.Post(new(Day(2, 3), "Sale", [GeneralLine.Debit(new(1060), Cad(50m)), GeneralLine.Credit(new(4200), Cad(50m))])));

        var detail = company.Read(r => r.Reports.GeneralLedger(new(1060), Day(2, 1), Day(2, 28))).Value;
        Assert.Equal(Cad(1000m), detail.Opening);
        Assert.Equal([(0m, 300m, 700m), (50m, 0m, 750m)], detail.Rows.Select(r => (r.Debit.Amount, r.Credit.Amount, r.Balance.Amount)));
        Assert.Equal(Cad(750m), detail.Closing);
        Assert.IsType<UnknownAccount>(company.Read(r => r.Reports.GeneralLedger(new(1061), Day(2, 1), Day(2, 28))).Error);
    }

    [Fact]
    public void General_ledger_from_the_first_possible_day_opens_at_zero()
    {
        using var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(1, 5), "Capital", [GeneralLine.Debit(new(1060), Cad(1000m)), GeneralLine.Credit(new(3010), Cad(1000m))])));

        var detail = company.Read(r => r.Reports.GeneralLedger(new(1060), DateOnly.MinValue, Day(12, 31))).Value;
        Assert.Equal(Cad(0m), detail.Opening);
        Assert.Equal(Cad(1000m), detail.Closing);
    }

    [Fact]
    public void Aged_receivables_buckets_by_days_past_due()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        var beta = company.AddCustomer("Beta", taxCode: "");
        company.Ok(w => w.Sales.Post(new(acme.Id, "A1", Day(1, 1), [new("x", Cad(1m))], DueDate: Day(1, 1))));    // 120 days late on May 1
        company.Ok(w => w.Sales.Post(new(acme.Id, "A2", Day(1, 1), [new("x", Cad(2m))], DueDate: Day(2, 15))));   // 75
        company.Ok(w => w.Sales.Post(new(acme.Id, "A3", Day(1, 1), [new("x", Cad(4m))], DueDate: Day(3, 31))));   // 31
        var paid = company.Ok(w => w.Sales.Post(new(beta.Id, "B1", Day(4, 1), [new("x", Cad(8m))], DueDate: Day(5, 31))));
        company.Ok(w => w.Sales.Post(new(beta.Id, "B2", Day(4, 1), [new("x", Cad(16m))], DueDate: Day(4, 1))));   // 30: current
        company.Ok(w => w.Receipts.Post(new(beta.Id, Day(4, 20), Cad(3m), PaymentMethod.Cash, [new(paid.Entry, Cad(3m))])));
        company.Ok(w => w.Receipts.Post(new(beta.Id, Day(5, 20), Cad(5m), PaymentMethod.Cash, [new(paid.Entry, Cad(5m))])));

        var aged = company.Read(r => r.Reports.AgedReceivables(Day(5, 1)));
        Assert.Equal(
            [("Acme", 0m, 4m, 2m, 1m, 7m), ("Beta", 21m, 0m, 0m, 0m, 21m)],
            aged.Rows.Select(r => (r.Name, r.Current.Amount, r.Days31To60.Amount, r.Days61To90.Amount, r.Over90.Amount, r.Total.Amount)));
        Assert.Equal(Cad(28m), aged.Totals.Total);
        Assert.Equal(
            company.Read(r => r.Reports.TrialBalance(Day(5, 1))).Rows.Single(r => r.Number.Value == 1200).Debit,
            aged.Totals.Total);
    }

    [Fact]
    public void Customer_statement_runs_from_the_opening_balance()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        var first = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(1, 10), [new("x", Cad(100m))])));
        var second = company.Ok(w => w.Sales.Post(new(acme.Id, "2", Day(2, 10), [new("x", Cad(50m))])));
        company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 20), Cad(100m), PaymentMethod.Cheque, [new(first.Entry, Cad(100m))])));
        company.Ok(w => w.Entries.Reverse(second.Entry, Day(2, 21), "cancelled"));

        var statement = company.Read(r => r.Reports.CustomerStatement(acme.Id, Day(2, 1), Day(2, 28))).Value;
        Assert.Equal(Cad(100m), statement.Opening);
        Assert.Equal(
            [(EntryKind.Sale, 50m, 150m), (EntryKind.Receipt, -100m, 50m), (EntryKind.Reversal, -50m, 0m)],
            statement.Lines.Select(l => (l.Kind, l.Amount.Amount, l.Balance.Amount)));
        Assert.Equal(Cad(0m), statement.Closing);
    }

    [Fact]
    public void Customer_statement_names_each_receipt_by_how_it_was_paid_not_by_its_memo()
    {
        // A statement goes to the customer: "cheque 4521" says which payment it is; a memo is the bookkeeper's note.
        using var company = new TestCompany();
        company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2m, new(5030), new(1065))));
        var acme = company.AddCustomer("Acme", taxCode: "");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        ReceiptDraft Paid(int day, PaymentMethod method) => new(acme.Id, Day(2, day), Cad(10m), method, [new(invoice.Entry, Cad(10m))]);
        var cheque = company.Ok(w => w.Receipts.Post(Paid(2, PaymentMethod.Cheque) with { Reference = "4521" }));
        company.Ok(w => w.Receipts.Post(Paid(3, PaymentMethod.CreditCard) with { CreditCard = "Visa" }));
        company.Ok(w => w.Receipts.Post(Paid(4, PaymentMethod.CreditCard) with { CreditCard = "Visa", Reference = "AUTH 77" }));
        company.Ok(w => w.Receipts.Post(Paid(5, PaymentMethod.Cash) with { Memo = "Counter sale, Bob" }));
        company.Ok(w => w.Receipts.Post(Paid(6, PaymentMethod.Other) with { Reference = "TX-9" }));
        company.Ok(w => w.Receipts.Post(Paid(7, PaymentMethod.Cheque)));
        company.Ok(w => w.Entries.Reverse(cheque.Entry, Day(2, 8), "NSF cheque"));

        var statement = company.Read(r => r.Reports.CustomerStatement(acme.Id, Day(2, 1), Day(2, 28))).Value;
        Assert.Equal(
            ["Invoice 1 to Acme", "Payment, cheque 4521", "Payment, Visa", "Payment, Visa, ref AUTH 77", "Payment, cash", "Payment, other, ref TX-9", "Payment, cheque",
                $"Reversal of entry {cheque.Entry}: NSF cheque"],
            statement.Lines.Select(l => l.Reference));
    }

    [Fact]
    public void Sales_and_receipts_journals_list_the_period()
    {
        using var company = new TestCompany();
        company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2m, new(5030), new(1065))));
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Sales.Post(new(acme.Id, "1002", Day(3, 1), [new("x", Cad(10m))])));
        company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 5), Cad(113m), PaymentMethod.CreditCard, [new(invoice.Entry, Cad(113m))], CreditCard: "Visa")));

        var sales = company.Read(r => r.Reports.SalesJournal(Day(2, 1), Day(2, 28)));
        var row = Assert.Single(sales.Rows);
        Assert.Equal(("1001", "Acme", 100m, 13m, 113m), (row.Number, row.Customer, row.Subtotal.Amount, row.Tax.Amount, row.Total.Amount));
        Assert.Equal(Cad(113m), sales.TotalHome);

        var receipts = company.Read(r => r.Reports.ReceiptsJournal(Day(2, 1), Day(2, 28)));
        var receipt = Assert.Single(receipts.Rows);
        Assert.Equal((PaymentMethod.CreditCard, 113m, 2.26m), (receipt.Method, receipt.Amount.Amount, receipt.Fee.Amount));
        Assert.Equal(["1001"], receipt.Invoices);
    }
}
