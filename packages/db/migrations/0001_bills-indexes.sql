CREATE TABLE "bill_aggregates" (
	"account_id" text NOT NULL,
	"month" text NOT NULL,
	"resource_id" text,
	"product" text NOT NULL,
	"billing_mode" text NOT NULL,
	"transaction_type" text NOT NULL,
	"row_count" bigint NOT NULL,
	"quantity" bigint NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "bill_aggregates_uq" UNIQUE NULLS NOT DISTINCT("account_id","month","resource_id","product","billing_mode","transaction_type")
);
--> statement-breakpoint
ALTER TABLE "bill_aggregates" ADD CONSTRAINT "bill_aggregates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charges_bill_time_idx" ON "charges" USING btree ("account_id","month","occurred_at","id");--> statement-breakpoint
CREATE INDEX "charges_bill_product_idx" ON "charges" USING btree ("account_id","month","product","occurred_at","id");--> statement-breakpoint
CREATE INDEX "charges_bill_mode_idx" ON "charges" USING btree ("account_id","month","billing_mode","occurred_at","id");--> statement-breakpoint
CREATE INDEX "charges_bill_type_idx" ON "charges" USING btree ("account_id","month","transaction_type","occurred_at","id");--> statement-breakpoint
CREATE INDEX "charges_bill_resource_idx" ON "charges" USING btree ("account_id","month","resource_id","occurred_at","id");