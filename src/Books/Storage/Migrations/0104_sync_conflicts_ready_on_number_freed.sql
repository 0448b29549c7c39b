-- A Billing invoice refused because an invoice entered in Books by hand has its number: reversing that invoice in
-- Books (the fix) frees the number, and marks the refused invoice ready. Invoices the sync posted are left out: their
-- reversals are its own adjustments, which re-post the same number. (Missing from 0103, which took the last entry
-- number out of the set-up stamp that used to catch this; found in review.)
CREATE TRIGGER sync_conflict_invoice_number_freed AFTER UPDATE OF reversed ON invoice
WHEN NEW.reversed = 1 AND OLD.reversed = 0
  AND NOT EXISTS (SELECT 1 FROM sync_source WHERE books_id = NEW.entry_id AND kind = 'invoice')
BEGIN
    UPDATE sync_conflict SET ready = 1
    WHERE ready = 0 AND kind = 'invoice'
      AND json_extract(payload, '$.invoice.number') = NEW.number COLLATE NOCASE;
END;
