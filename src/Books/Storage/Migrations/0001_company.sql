-- The company, its chart of accounts and its set-up: everything a new company file is seeded with.
-- Money is INTEGER minor units; dates are TEXT yyyy-MM-dd; rates and percents are TEXT invariant decimals
-- (exact, never REAL).

CREATE TABLE company (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT    NOT NULL,
    address         TEXT    NOT NULL DEFAULT '',
    home_currency   TEXT    NOT NULL,
    fiscal_start    TEXT    NOT NULL,
    fiscal_end      TEXT    NOT NULL,
    cash_basis      INTEGER NOT NULL DEFAULT 0,
    allow_foreign   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL
);

CREATE TABLE account (
    number  INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL,
    type    TEXT    NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
    active  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE linked_account (
    role    TEXT    PRIMARY KEY,
    account INTEGER NOT NULL REFERENCES account (number)
);

CREATE TABLE foreign_currency (
    code TEXT PRIMARY KEY
);

CREATE TABLE exchange_rate (
    currency TEXT NOT NULL REFERENCES foreign_currency (code),
    date     TEXT NOT NULL,
    rate     TEXT NOT NULL,
    PRIMARY KEY (currency, date)
) WITHOUT ROWID;

CREATE TABLE credit_card (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    fee_percent     TEXT    NOT NULL,
    fee_account     INTEGER NOT NULL REFERENCES account (number),
    deposit_account INTEGER NOT NULL REFERENCES account (number)
);

CREATE TABLE tax (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    account             INTEGER NOT NULL REFERENCES account (number),
    taxable_by_others   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tax_code (
    code        TEXT PRIMARY KEY COLLATE NOCASE,
    description TEXT NOT NULL
);

CREATE TABLE tax_code_tax (
    code    TEXT    NOT NULL REFERENCES tax_code (code) ON DELETE CASCADE,
    tax_id  INTEGER NOT NULL REFERENCES tax (id),
    rate    TEXT    NOT NULL,
    status  TEXT    NOT NULL CHECK (status IN ('taxable', 'exempt', 'non-taxable')),
    PRIMARY KEY (code, tax_id)
);

CREATE TABLE customer (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    contact             TEXT,
    address             TEXT,
    email               TEXT,
    phone               TEXT,
    revenue_account     INTEGER REFERENCES account (number),
    tax_code            TEXT,
    currency            TEXT    NOT NULL,
    terms_days          INTEGER NOT NULL DEFAULT 30,
    active              INTEGER NOT NULL DEFAULT 1,
    external_reference  TEXT    UNIQUE,
    deleted_in_billing  INTEGER NOT NULL DEFAULT 0
);
