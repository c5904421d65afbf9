CREATE TABLE "usage_anomaly_checks" (
	"account_id" text PRIMARY KEY NOT NULL,
	"checked_through" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_anomaly_checks" ADD CONSTRAINT "usage_anomaly_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;