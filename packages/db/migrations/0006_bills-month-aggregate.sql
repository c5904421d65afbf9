CREATE TABLE "bill_month_aggregates" (
	"account_id" text NOT NULL,
	"month" text NOT NULL,
	"product" text NOT NULL,
	"billing_mode" text NOT NULL,
	"transaction_type" text NOT NULL,
	"row_count" bigint NOT NULL,
	"quantity" bigint NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "bill_month_aggregates_uq" UNIQUE("account_id","month","product","billing_mode","transaction_type")
);
--> statement-breakpoint
ALTER TABLE "bill_month_aggregates" ADD CONSTRAINT "bill_month_aggregates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- R5.5: the same statement-level triggers on charges (migration 0002) now keep both summary levels,
-- bill_aggregates (with the resource) and bill_month_aggregates (without it), from the same
-- transition table, in the same transaction. Both are upserted in key order, resource level first,
-- so concurrent writers lock rows in the same order.
CREATE OR REPLACE FUNCTION bill_aggregates_add() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO bill_month_aggregates AS a
    (account_id, month, product, billing_mode, transaction_type, row_count, quantity, amount)
  SELECT account_id, month, product, billing_mode, transaction_type,
         count(*), coalesce(sum(quantity), 0), coalesce(sum(amount), 0)
    FROM bill_new_rows
   GROUP BY account_id, month, product, billing_mode, transaction_type
   ORDER BY account_id, month, product, billing_mode, transaction_type
  ON CONFLICT (account_id, month, product, billing_mode, transaction_type) DO UPDATE
    SET row_count = a.row_count + excluded.row_count,
        quantity = a.quantity + excluded.quantity,
        amount = a.amount + excluded.amount;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bill_aggregates_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
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
  UPDATE bill_month_aggregates AS a
     SET row_count = a.row_count - d.row_count,
         quantity = a.quantity - d.quantity,
         amount = a.amount - d.amount
    FROM (SELECT account_id, month, product, billing_mode, transaction_type,
                 count(*) AS row_count, coalesce(sum(quantity), 0) AS quantity, coalesce(sum(amount), 0) AS amount
            FROM bill_old_rows
           GROUP BY account_id, month, product, billing_mode, transaction_type) d
   WHERE a.account_id = d.account_id AND a.month = d.month AND a.product = d.product
     AND a.billing_mode = d.billing_mode AND a.transaction_type = d.transaction_type;
  DELETE FROM bill_month_aggregates a
   WHERE a.row_count = 0 AND a.account_id IN (SELECT DISTINCT account_id FROM bill_old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bill_aggregates_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM bill_aggregates;
  DELETE FROM bill_month_aggregates;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Charges written before this migration (from the resource level, which holds every charge).
INSERT INTO bill_month_aggregates
  (account_id, month, product, billing_mode, transaction_type, row_count, quantity, amount)
SELECT account_id, month, product, billing_mode, transaction_type, sum(row_count), sum(quantity), sum(amount)
  FROM bill_aggregates
 GROUP BY account_id, month, product, billing_mode, transaction_type
HAVING sum(row_count) > 0;
