-- One schema for SQLite and PostgreSQL; $id$ is the dialect's auto-increment key column.
-- Flags are BIGINT 0/1 and dates ISO text so both dialects read back the same types.
CREATE TABLE accounts (
  id $id$,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- the last change-feed sequence given out; updating it takes the account's row lock (see Storage/Database.cs)
  last_seq BIGINT NOT NULL DEFAULT 0,
  profile TEXT NOT NULL
);

CREATE TABLE tokens (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  revoked BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX tokens_account ON tokens(account_id);

CREATE TABLE login_failures (
  email_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);

CREATE TABLE customers (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  doc TEXT NOT NULL
);
-- Names are unique among the customers that are not deleted (a deleted name can be used again).
CREATE UNIQUE INDEX customers_name ON customers(account_id, name_key) WHERE deleted = 0;
CREATE INDEX customers_account ON customers(account_id, id);

CREATE TABLE invoices (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL,
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  number_value BIGINT,
  status TEXT NOT NULL,
  date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  total BIGINT NOT NULL,
  paid BIGINT NOT NULL DEFAULT 0,
  deleted BIGINT NOT NULL DEFAULT 0,
  revision BIGINT NOT NULL,
  in_feed BIGINT NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
-- Numbers are never reused, not even those of deleted invoices (Books keeps their tombstones).
CREATE UNIQUE INDEX invoices_number ON invoices(account_id, kind, number_key);
CREATE INDEX invoices_number_value ON invoices(account_id, kind, number_value);
CREATE INDEX invoices_account ON invoices(account_id, kind, id);

CREATE TABLE invoice_versions (
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  revision BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  saved_at TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (invoice_id, revision)
);

CREATE TABLE payments (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  currency TEXT NOT NULL,
  amount BIGINT NOT NULL,
  date TEXT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX payments_account ON payments(account_id, id);

CREATE TABLE payment_applications (
  payment_id BIGINT NOT NULL REFERENCES payments(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  account_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX payment_applications_invoice ON payment_applications(invoice_id);

-- The change feed: one row per record, moved to a new seq on every change; a page is one range scan.
CREATE TABLE feed (
  account_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  version BIGINT NOT NULL,
  deleted BIGINT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (account_id, kind, record_id)
);
CREATE UNIQUE INDEX feed_seq ON feed(account_id, seq);

CREATE TABLE invitations (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  status TEXT NOT NULL,
  bookkeeper_id BIGINT,
  created_at TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX invitations_account ON invitations(account_id);
CREATE INDEX invitations_email ON invitations(email_key);

CREATE TABLE recurring (
  id $id$,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  next_date TEXT NOT NULL,
  stopped BIGINT NOT NULL DEFAULT 0,
  deleted BIGINT NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
CREATE INDEX recurring_due ON recurring(next_date);
