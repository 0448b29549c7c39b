-- Customer search ignores accents and case (Customers/CustomerSearchKey.cs): the application writes search_key with
-- every customer; script 0151 (Storage/Migrations/CustomerSearchKeyBackfill.cs, C#: both databases fold the same way)
-- fills it for the customers saved before. Search is a substring match (LIKE '%...%'), which no b-tree index serves,
-- so there is no index on it: a search reads the account's customers through customers_account, as before.
ALTER TABLE customers ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
