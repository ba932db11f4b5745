-- The staff console (issue 19). Search: trigram indexes answer ILIKE '%…%' on organization names,
-- external ids, Stripe customer ids and member emails. pg_trgm ships with PostgreSQL (trusted since 13:
-- a database owner may create it) and with PGlite (loaded in open.ts). Where it cannot be created,
-- search still answers, by scanning, and this says so once.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available here (%); staff search runs without its indexes.', SQLERRM;
END $$;--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX "user_email_trgm_idx" ON "user" USING gin ("email" gin_trgm_ops);
    CREATE INDEX "organization_name_trgm_idx" ON "organization" USING gin ("name" gin_trgm_ops);
    CREATE INDEX "organization_external_id_trgm_idx" ON "organization" USING gin ("external_id" gin_trgm_ops);
    CREATE INDEX "organization_stripe_customer_trgm_idx" ON "organization" USING gin ("stripe_customer_id" gin_trgm_ops);
  END IF;
END $$;--> statement-breakpoint
-- The customer timeline: a Stripe event's customer (as process.ts's customerOf reads it), and the
-- organization's audit rows by time.
ALTER TABLE "stripe_event" ADD COLUMN "customer_id" text GENERATED ALWAYS AS (case when payload #>> '{data,object,object}' = 'customer' then payload #>> '{data,object,id}'
        else coalesce(payload #>> '{data,object,customer,id}',
          case when jsonb_typeof(payload #> '{data,object,customer}') = 'string' then payload #>> '{data,object,customer}' end,
          payload #>> '{data,previous_attributes,customer}') end) STORED;--> statement-breakpoint
CREATE INDEX "stripe_event_customer_idx" ON "stripe_event" USING btree ("customer_id","received_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_org_time_idx" ON "audit_log" USING btree ("organization_id","created_at","id");--> statement-breakpoint
-- The staff audit view's filters.
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_type_idx" ON "audit_log" USING btree ("actor_type","id");
