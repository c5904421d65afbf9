CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"settlement" text NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"postpaid_enabled" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"arrears_since" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"violation" boolean DEFAULT false NOT NULL,
	"cash" numeric(20, 4) DEFAULT '0' NOT NULL,
	"income" numeric(20, 4) DEFAULT '0' NOT NULL,
	"gift" numeric(20, 4) DEFAULT '0' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"simulated_now" timestamp with time zone,
	"settled_through" text,
	"eid_approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demo_clock_only_on_demo" CHECK ("accounts"."simulated_now" is null or "accounts"."is_demo")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"account_id" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"body_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"balance" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"reason" text NOT NULL,
	"ref_type" text NOT NULL,
	"ref_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"alias" text NOT NULL,
	"project" text NOT NULL,
	"region" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "service_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"impersonation_id" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"kind" text NOT NULL,
	"roles" text[] NOT NULL,
	"account_id" text,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_has_account" CHECK ("users"."kind" = 'staff' or "users"."account_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"face_value" numeric(20, 4) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"product_groups" text[],
	"used_order_id" text,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"resource_id" text,
	"product" text NOT NULL,
	"label" text NOT NULL,
	"billing_mode" text NOT NULL,
	"transaction_type" text NOT NULL,
	"unit_price" numeric(20, 4) NOT NULL,
	"quantity" integer NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"paid_cash" numeric(20, 4) DEFAULT '0' NOT NULL,
	"paid_income" numeric(20, 4) DEFAULT '0' NOT NULL,
	"paid_gift" numeric(20, 4) DEFAULT '0' NOT NULL,
	"paid_voucher" numeric(20, 4) DEFAULT '0' NOT NULL,
	"order_id" text,
	"pack_id" bigint,
	"settlement_id" text
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"scope" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"calls" integer NOT NULL,
	"settled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_labels" (
	"code" text PRIMARY KEY NOT NULL,
	"product" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_price" numeric(20, 4) NOT NULL,
	"trial_calls" integer DEFAULT 0 NOT NULL,
	"trial_rule" text DEFAULT 'none' NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_price_tiers" (
	"label" text NOT NULL,
	"from_calls" integer NOT NULL,
	"unit_price" numeric(20, 4) NOT NULL,
	CONSTRAINT "monthly_price_tiers_label_from_calls_pk" PRIMARY KEY("label","from_calls")
);
--> statement-breakpoint
CREATE TABLE "pack_tiers" (
	"label" text NOT NULL,
	"size" integer NOT NULL,
	"price" numeric(20, 4) NOT NULL,
	CONSTRAINT "pack_tiers_label_size_pk" PRIMARY KEY("label","size")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_kind" text NOT NULL,
	"account_id" text,
	"impersonation_id" text,
	"action" text NOT NULL,
	"reason" text,
	"request_id" text,
	"outcome" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "impersonations" (
	"id" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"account_id" text NOT NULL,
	"session_id" text NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"write" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"account_id" text PRIMARY KEY NOT NULL,
	"kinds" jsonb NOT NULL,
	"daily_report" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"cause" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"channels" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "benefit_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"domain" text NOT NULL,
	"product" text NOT NULL,
	"status" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"paid_cash" numeric(20, 4) NOT NULL,
	"paid_gift" numeric(20, 4) NOT NULL,
	"paid_voucher" numeric(20, 4) NOT NULL,
	"paid_discount" numeric(20, 4) DEFAULT '0' NOT NULL,
	"benefit_points" integer DEFAULT 0 NOT NULL,
	"benefit_package_id" text,
	"ever_issued" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"refunded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"label" text NOT NULL,
	"size" integer NOT NULL,
	"quantity" integer NOT NULL,
	"tier_price" numeric(20, 4) NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"paid_voucher" numeric(20, 4) NOT NULL,
	"paid_gift" numeric(20, 4) NOT NULL,
	"paid_income" numeric(20, 4) NOT NULL,
	"paid_cash" numeric(20, 4) NOT NULL,
	"voucher_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "packs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" text NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"total" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"order_id" text,
	"order_index" integer,
	"refund_excluded" boolean DEFAULT false NOT NULL,
	"refund_refused_reason" text,
	"grant_reason" text,
	CONSTRAINT "packs_used_range" CHECK ("packs"."used" >= 0 and "packs"."used" <= "packs"."total"),
	CONSTRAINT "packs_total_positive" CHECK ("packs"."total" > 0)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"pack_id" bigint NOT NULL,
	"order_id" text NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"returned_cash" numeric(20, 4) NOT NULL,
	"returned_income" numeric(20, 4) NOT NULL,
	"returned_gift" numeric(20, 4) NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"account_id" text NOT NULL,
	"event_id" text NOT NULL,
	"label" text NOT NULL,
	"resource_id" text NOT NULL,
	"result" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"day" text NOT NULL,
	"outcome" text NOT NULL,
	"pack_id" bigint,
	"code" text,
	"rule" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_keys" ADD CONSTRAINT "service_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_price_tiers" ADD CONSTRAINT "monthly_price_tiers_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_tiers" ADD CONSTRAINT "pack_tiers_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impersonations" ADD CONSTRAINT "impersonations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impersonations" ADD CONSTRAINT "impersonations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_packages" ADD CONSTRAINT "benefit_packages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_orders" ADD CONSTRAINT "certificate_orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_label_billing_labels_code_fk" FOREIGN KEY ("label") REFERENCES "public"."billing_labels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_uq" ON "idempotency_keys" USING btree ("account_id","route","key");--> statement-breakpoint
CREATE INDEX "ledger_account_idx" ON "ledger_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "resources_account_idx" ON "resources" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "service_keys_account_idx" ON "service_keys" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_account_idx" ON "users" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "vouchers_account_idx" ON "vouchers" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "charges_account_month_idx" ON "charges" USING btree ("account_id","month","id");--> statement-breakpoint
CREATE INDEX "charges_account_resource_idx" ON "charges" USING btree ("account_id","resource_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_uq" ON "job_runs" USING btree ("job","scope");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_uq" ON "settlements" USING btree ("account_id","kind","period");--> statement-breakpoint
CREATE UNIQUE INDEX "user_preferences_uq" ON "user_preferences" USING btree ("user_id","key");--> statement-breakpoint
CREATE INDEX "audit_account_idx" ON "audit_log" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "impersonations_session_idx" ON "impersonations" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_cause_uq" ON "notifications" USING btree ("account_id","kind","cause");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_uq" ON "outbox" USING btree ("notification_id","channel");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "certificate_orders_account_idx" ON "certificate_orders" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "orders_account_idx" ON "orders" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "packs_account_label_idx" ON "packs" USING btree ("account_id","label","status");--> statement-breakpoint
CREATE INDEX "packs_account_expiry_idx" ON "packs" USING btree ("account_id","expires_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_pack_uq" ON "refunds" USING btree ("pack_id");--> statement-breakpoint
CREATE INDEX "refunds_account_idx" ON "refunds" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_pk" ON "usage_events" USING btree ("account_id","event_id");--> statement-breakpoint
CREATE INDEX "usage_events_postpaid_idx" ON "usage_events" USING btree ("account_id","day","label") WHERE "usage_events"."outcome" = 'postpaid';--> statement-breakpoint
CREATE INDEX "usage_events_pack_day_idx" ON "usage_events" USING btree ("pack_id","day");--> statement-breakpoint
CREATE INDEX "usage_events_account_day_idx" ON "usage_events" USING btree ("account_id","day");