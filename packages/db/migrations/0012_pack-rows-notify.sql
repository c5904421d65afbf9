-- Issue 15: every change to a pack row tells the BFF instances which account's packs changed, so
-- each can drop the pages of GET /packs it keeps in memory (apps/bff/src/lib/read-cache.ts,
-- docs/decisions/0020). The notification is sent at commit, once per account and transaction
-- (PostgreSQL folds identical payloads), whoever wrote: the API, a job, a demo clock move, a script.
-- Statement-level triggers with transition tables: one pass per statement, however many rows.
CREATE FUNCTION packs_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('idv_pack_rows', account_id) FROM (SELECT DISTINCT account_id FROM pack_changed_rows) AS changed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER packs_notify_insert AFTER INSERT ON packs
  REFERENCING NEW TABLE AS pack_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION packs_notify_changed();
--> statement-breakpoint
CREATE TRIGGER packs_notify_update AFTER UPDATE ON packs
  REFERENCING NEW TABLE AS pack_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION packs_notify_changed();
--> statement-breakpoint
CREATE TRIGGER packs_notify_delete AFTER DELETE ON packs
  REFERENCING OLD TABLE AS pack_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION packs_notify_changed();
