-- Running totals behind GET /api/v1/datasets/{id}/summary (SPEC 3.5), kept in the same transaction as every
-- write of an invoice to the feed (Changes/SummaryTotals.cs), so the summary reads a few rows instead of
-- every invoice document. Amounts are minor units. An account's totals are built from its feed documents on
-- first use (summary_built holds the accounts whose totals are complete): accounts that existed before this
-- script, and accounts written by `billing seed`, which writes the feed in bulk.

-- What each counted invoice (sent, changed, partly paid, paid; not deleted) adds to the totals now.
CREATE TABLE summary_invoices (
  account_id BIGINT NOT NULL,
  invoice_id BIGINT NOT NULL,
  customer_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  invoiced BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  owing BIGINT NOT NULL,
  PRIMARY KEY (account_id, invoice_id)
);

CREATE TABLE summary_invoice_taxes (
  account_id BIGINT NOT NULL,
  invoice_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  rate TEXT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (account_id, invoice_id, name, rate)
);

-- invoices: how many counted invoices make the row (0: the row says nothing). seq: the feed sequence of the
-- last change to the row, so a caller can ask for the customers whose figures changed after a cursor.
CREATE TABLE summary_customers (
  account_id BIGINT NOT NULL,
  customer_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  invoices BIGINT NOT NULL,
  invoiced BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  owing BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (account_id, customer_id, currency)
);
CREATE INDEX summary_customers_seq ON summary_customers(account_id, seq);

CREATE TABLE summary_currencies (
  account_id BIGINT NOT NULL,
  currency TEXT NOT NULL,
  invoices BIGINT NOT NULL,
  invoiced BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  owing BIGINT NOT NULL,
  PRIMARY KEY (account_id, currency)
);

CREATE TABLE summary_taxes (
  account_id BIGINT NOT NULL,
  currency TEXT NOT NULL,
  name TEXT NOT NULL,
  rate TEXT NOT NULL,
  invoices BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (account_id, currency, name, rate)
);

CREATE TABLE summary_built (
  account_id BIGINT PRIMARY KEY
);
