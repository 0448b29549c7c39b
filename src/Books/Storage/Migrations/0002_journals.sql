-- Journal entries and what hangs off them. Entries are never updated except to record their reversal.

CREATE TABLE entry (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('sale', 'receipt', 'general', 'reversal')),
    date        TEXT    NOT NULL,
    memo        TEXT    NOT NULL,
    customer_id INTEGER REFERENCES customer (id),
    reverses    INTEGER REFERENCES entry (id),
    reversed_by INTEGER REFERENCES entry (id),
    posted_at   TEXT    NOT NULL
);
CREATE INDEX entry_date ON entry (date);
CREATE INDEX entry_customer ON entry (customer_id) WHERE customer_id IS NOT NULL;

-- One line of an entry. amount: home-currency minor units, debit positive, credit negative.
-- currency/foreign_amount/rate: the document's own currency when it is foreign (NULL otherwise).
-- Keyed by (entry, line) without rowid: appending entries in id order is the cheapest insert SQLite has.
CREATE TABLE posting (
    entry_id        INTEGER NOT NULL REFERENCES entry (id),
    line_no         INTEGER NOT NULL,
    account         INTEGER NOT NULL REFERENCES account (number),
    amount          INTEGER NOT NULL,
    currency        TEXT,
    foreign_amount  INTEGER,
    rate            TEXT,
    memo            TEXT,
    PRIMARY KEY (entry_id, line_no)
) WITHOUT ROWID;

-- Sum of postings per account per day, kept at posting time, so balances as of any date read a few
-- hundred rows per account instead of every posting (trial balance over millions of postings).
-- A row also marks the account as used (it then cannot be deleted).
CREATE TABLE account_day (
    account INTEGER NOT NULL REFERENCES account (number),
    date    TEXT    NOT NULL,
    amount  INTEGER NOT NULL,
    PRIMARY KEY (account, date)
) WITHOUT ROWID;

CREATE TABLE invoice (
    entry_id    INTEGER PRIMARY KEY REFERENCES entry (id),
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    number      TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    due_date    TEXT    NOT NULL,
    currency    TEXT    NOT NULL,
    rate        TEXT    NOT NULL,
    subtotal    INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    home_total  INTEGER NOT NULL,
    owing       INTEGER NOT NULL,
    home_owing  INTEGER NOT NULL,
    reversed    INTEGER NOT NULL DEFAULT 0
);
-- An invoice number is used once among invoices in force (an adjustment re-posts the same number).
CREATE UNIQUE INDEX invoice_number ON invoice (number COLLATE NOCASE) WHERE reversed = 0;
CREATE INDEX invoice_customer ON invoice (customer_id);

CREATE TABLE invoice_line (
    entry_id    INTEGER NOT NULL REFERENCES invoice (entry_id),
    line_no     INTEGER NOT NULL,
    description TEXT    NOT NULL,
    amount      INTEGER NOT NULL,
    tax_code    TEXT    NOT NULL,
    account     INTEGER NOT NULL REFERENCES account (number),
    PRIMARY KEY (entry_id, line_no)
) WITHOUT ROWID;

-- account: where the tax was posted (a tax's account may change later; the check compares like with like).
CREATE TABLE invoice_tax (
    entry_id    INTEGER NOT NULL REFERENCES invoice (entry_id),
    tax_id      INTEGER NOT NULL REFERENCES tax (id),
    account     INTEGER NOT NULL REFERENCES account (number),
    amount      INTEGER NOT NULL,
    home_amount INTEGER NOT NULL,
    PRIMARY KEY (entry_id, tax_id)
) WITHOUT ROWID;

CREATE TABLE receipt (
    entry_id        INTEGER PRIMARY KEY REFERENCES entry (id),
    customer_id     INTEGER NOT NULL REFERENCES customer (id),
    date            TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    rate            TEXT    NOT NULL,
    amount          INTEGER NOT NULL,
    fee             INTEGER NOT NULL,
    method          TEXT    NOT NULL CHECK (method IN ('cash', 'cheque', 'card', 'other')),
    reference       TEXT,
    credit_card     TEXT,
    deposit_account INTEGER NOT NULL REFERENCES account (number),
    reversed        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receipt_customer ON receipt (customer_id);

-- amount: in the invoice's currency; home_amount: the part of the invoice's booked home value it settles.
CREATE TABLE allocation (
    receipt_id  INTEGER NOT NULL REFERENCES receipt (entry_id),
    invoice_id  INTEGER NOT NULL REFERENCES invoice (entry_id),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    home_amount INTEGER NOT NULL,
    PRIMARY KEY (receipt_id, invoice_id)
) WITHOUT ROWID;
CREATE INDEX allocation_invoice ON allocation (invoice_id);

CREATE TABLE audit_trail (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('post', 'reverse')),
    entry_id    INTEGER NOT NULL REFERENCES entry (id),
    detail      TEXT    NOT NULL
);
CREATE INDEX audit_trail_entry ON audit_trail (entry_id);
