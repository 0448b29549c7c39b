-- Conflicts whose fix is made in Books outside the set-up are marked ready when the fix is made, as records
-- waiting for the feed are (0101): a change to the settings of a customer (made active again, say), or an
-- invoice owing more (a receipt reversed, by hand or by an import, makes room for a payment; an invoice whose
-- reversal a receipt entered by hand blocked). Before, the set-up stamp also covered those customers and the
-- last entry, so every conflict was retried after any run that posted something: a file may hold very many.

-- A customer Books imported from Billing: external_reference is 'billing:DATASET/customer/ID'.
CREATE TRIGGER sync_conflict_customer_changed
AFTER UPDATE OF active, revenue_account, tax_code, currency, terms_days ON customer
WHEN NEW.external_reference LIKE 'billing:%/customer/%'
BEGIN
    UPDATE sync_conflict SET ready = 1
    WHERE ready = 0
      AND customer_id = substr(NEW.external_reference, instr(NEW.external_reference, '/customer/') + 10)
      AND dataset = substr(NEW.external_reference, 9, instr(NEW.external_reference, '/customer/') - 9);
END;

-- books_id of an imported invoice is its entry, which is the Books invoice's key.
CREATE TRIGGER sync_conflict_invoice_owes_more AFTER UPDATE OF owing ON invoice
WHEN NEW.owing > OLD.owing
BEGIN
    UPDATE sync_conflict SET ready = 1
    WHERE ready = 0
      AND (dataset, waits_for) IN (SELECT dataset, record_id FROM sync_source WHERE books_id = NEW.entry_id AND kind = 'invoice');
    UPDATE sync_conflict SET ready = 1
    WHERE ready = 0 AND kind = 'invoice'
      AND (dataset, record_id) IN (SELECT dataset, record_id FROM sync_source WHERE books_id = NEW.entry_id AND kind = 'invoice');
END;
