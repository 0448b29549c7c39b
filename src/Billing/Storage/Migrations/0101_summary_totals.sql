-- Running totals behind GET /api/v1/datasets/{id}/summary (SPEC 3.5), kept in the same transaction as every
-- write of an invoice to the feed (Changes/SummaryTotals.cs; `billing seed` adds its bulk rows the same way),
-- so the summary reads a few rows instead of every invoice document. Amounts are minor units.

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

-- Accounts that existed before this script: their totals are built from their feed documents on first use.
CREATE TABLE summary_unbuilt (
  account_id BIGINT PRIMARY KEY
);
INSERT INTO summary_unbuilt (account_id) SELECT id FROM accounts;
