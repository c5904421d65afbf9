-- R5.5: bill_aggregates is maintained by statement-level triggers on charges, in the same transaction
-- as the charge rows, so the overview and resource-ID bill can never drift from the itemized bill.
-- Statement-level triggers with transition tables aggregate a whole INSERT (or COPY) at once; groups
-- are upserted in key order so concurrent writers lock aggregate rows in the same order (no deadlock).
CREATE FUNCTION bill_aggregates_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bill_aggregates AS a
    (account_id, month, resource_id, product, billing_mode, transaction_type, row_count, quantity, amount)
  SELECT account_id, month, resource_id, product, billing_mode, transaction_type,
         count(*), coalesce(sum(quantity), 0), coalesce(sum(amount), 0)
    FROM bill_new_rows
   GROUP BY account_id, month, resource_id, product, billing_mode, transaction_type
   ORDER BY account_id, month, resource_id, product, billing_mode, transaction_type
  ON CONFLICT (account_id, month, resource_id, product, billing_mode, transaction_type) DO UPDATE
    SET row_count = a.row_count + excluded.row_count,
        quantity = a.quantity + excluded.quantity,
        amount = a.amount + excluded.amount;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Deleting charges only subtracts (never inserts): when an account is deleted, its aggregate rows
-- may already be gone by the cascade, and an insert would violate the foreign key.
CREATE FUNCTION bill_aggregates_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE bill_aggregates AS a
     SET row_count = a.row_count - d.row_count,
         quantity = a.quantity - d.quantity,
         amount = a.amount - d.amount
    FROM (SELECT account_id, month, resource_id, product, billing_mode, transaction_type,
                 count(*) AS row_count, coalesce(sum(quantity), 0) AS quantity, coalesce(sum(amount), 0) AS amount
            FROM bill_old_rows
           GROUP BY account_id, month, resource_id, product, billing_mode, transaction_type) d
   WHERE a.account_id = d.account_id AND a.month = d.month
     AND a.resource_id IS NOT DISTINCT FROM d.resource_id AND a.product = d.product
     AND a.billing_mode = d.billing_mode AND a.transaction_type = d.transaction_type;
  DELETE FROM bill_aggregates a
   WHERE a.row_count = 0 AND a.account_id IN (SELECT DISTINCT account_id FROM bill_old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bill_aggregates_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM bill_aggregates;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER charges_bill_aggregates_insert AFTER INSERT ON charges
  REFERENCING NEW TABLE AS bill_new_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_aggregates_add();
--> statement-breakpoint
CREATE TRIGGER charges_bill_aggregates_delete AFTER DELETE ON charges
  REFERENCING OLD TABLE AS bill_old_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_aggregates_subtract();
--> statement-breakpoint
-- An UPDATE is the old rows out and the new rows in: two triggers on the same statement.
CREATE TRIGGER charges_bill_aggregates_update_old AFTER UPDATE ON charges
  REFERENCING OLD TABLE AS bill_old_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_aggregates_subtract();
--> statement-breakpoint
CREATE TRIGGER charges_bill_aggregates_update_new AFTER UPDATE ON charges
  REFERENCING NEW TABLE AS bill_new_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_aggregates_add();
--> statement-breakpoint
CREATE TRIGGER charges_bill_aggregates_truncate AFTER TRUNCATE ON charges
  FOR EACH STATEMENT EXECUTE FUNCTION bill_aggregates_truncate();
--> statement-breakpoint
-- Charges written before this migration.
INSERT INTO bill_aggregates
  (account_id, month, resource_id, product, billing_mode, transaction_type, row_count, quantity, amount)
SELECT account_id, month, resource_id, product, billing_mode, transaction_type,
       count(*), coalesce(sum(quantity), 0), coalesce(sum(amount), 0)
  FROM charges
 GROUP BY account_id, month, resource_id, product, billing_mode, transaction_type;
