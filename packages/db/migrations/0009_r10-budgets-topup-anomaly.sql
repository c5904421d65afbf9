CREATE TABLE "auto_topup_rules" (
	"account_id" text NOT NULL,
	"label" text NOT NULL,
	"enabled" boolean NOT NULL,
	"below_calls" integer NOT NULL,
	"size" integer NOT NULL,
	"quantity" integer NOT NULL,
	"monthly_limit" integer NOT NULL,
	"armed" boolean DEFAULT true NOT NULL,
	"crossings" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auto_topup_rules_account_id_label_pk" PRIMARY KEY("account_id","label")
);
--> statement-breakpoint
CREATE TABLE "budget_alerts" (
	"budget_id" text NOT NULL,
	"month" text NOT NULL,
	"threshold" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "budget_alerts_uq" UNIQUE("budget_id","month","threshold","kind")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"scope_product" text,
	"scope_label" text,
	"thresholds" integer[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_anomaly_checks" (
	"account_id" text PRIMARY KEY NOT NULL,
	"checked_through" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "trigger" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "auto_topup_rules" ADD CONSTRAINT "auto_topup_rules_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_topup_rules" ADD CONSTRAINT "auto_topup_rules_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_anomaly_checks" ADD CONSTRAINT "usage_anomaly_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budgets_account_idx" ON "budgets" USING btree ("account_id","created_at");