CREATE TABLE "demo_tenants" (
	"account_id" text PRIMARY KEY NOT NULL,
	"created_by" text NOT NULL,
	"scenario" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demo_timeline" (
	"account_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"seq" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demo_tenants" ADD CONSTRAINT "demo_tenants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_timeline" ADD CONSTRAINT "demo_timeline_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demo_timeline_account_idx" ON "demo_timeline" USING btree ("account_id","at");