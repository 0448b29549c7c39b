-- Fiscal years (Simply's "Start New Year") and the lock date.
-- fiscal_year: every fiscal year the books keep, oldest first; the latest is the current one and is mirrored in
-- company.fiscal_start/fiscal_end. Reports close the income of every year before the as-of date's year into
-- retained earnings. company.lock_before: nothing may be dated before it (the books' first day, or the day the
-- user locked the books before).

CREATE TABLE fiscal_year (
    start TEXT PRIMARY KEY,
    end   TEXT NOT NULL CHECK (end >= start)
) WITHOUT ROWID;

ALTER TABLE company ADD COLUMN lock_before TEXT;

INSERT INTO fiscal_year (start, end) SELECT fiscal_start, fiscal_end FROM company;

-- An older Books let the fiscal start move past posted entries: give such a file the one-year fiscal years
-- before its current one that its entries need, so they close into retained earnings like any earlier year.
WITH RECURSIVE earlier (start) AS (
    SELECT date(fiscal_start, '-1 year') FROM company WHERE fiscal_start > (SELECT MIN(date) FROM entry)
    UNION ALL
    SELECT date(start, '-1 year') FROM earlier WHERE start > (SELECT MIN(date) FROM entry)
)
INSERT INTO fiscal_year (start, end)
SELECT e.start, date(e.start, '+1 year', '-1 day') FROM earlier e;

UPDATE company SET lock_before = (SELECT MIN(start) FROM fiscal_year);
