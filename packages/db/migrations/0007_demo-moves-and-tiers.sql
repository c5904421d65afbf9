CREATE TABLE "account_monthly_price_tiers" (
	"account_id" text NOT NULL,
	"label" text NOT NULL,
	"from_calls" integer NOT NULL,
	"unit_price" numeric(20, 4) NOT NULL,
	CONSTRAINT "account_monthly_price_tiers_account_id_label_from_calls_pk" PRIMARY KEY("account_id","label","from_calls")
);
--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD COLUMN "move_id" text;--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD COLUMN "move_target" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD COLUMN "move_usage" jsonb;--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD COLUMN "move_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD COLUMN "move_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_monthly_price_tiers" ADD CONSTRAINT "account_monthly_price_tiers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_monthly_price_tiers" ADD CONSTRAINT "account_monthly_price_tiers_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;