CREATE TABLE "job_leases" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"leased_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "packs_live_expiry_idx" ON "packs" USING btree ("expires_at") WHERE "packs"."status" in ('active', 'exhausted');