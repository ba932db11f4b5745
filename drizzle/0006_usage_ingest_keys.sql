CREATE TABLE "usage_monthly" (
	"organization_id" text NOT NULL,
	"meter" text NOT NULL,
	"month" date NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "usage_monthly_organization_id_meter_month_pk" PRIMARY KEY("organization_id","meter","month")
);
--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "usage_monthly" ("organization_id", "meter", "month", "value")
SELECT "organization_id", "meter", date_trunc('month', "day")::date, sum("value") FROM "usage_daily" GROUP BY 1, 2, 3;--> statement-breakpoint
-- Every batch adds to existing day and month rows: free room in each page lets PostgreSQL update them in place (HOT).
ALTER TABLE "usage_daily" SET (fillfactor = 60);--> statement-breakpoint
ALTER TABLE "usage_monthly" SET (fillfactor = 60);--> statement-breakpoint
ALTER TABLE "usage_event" DROP CONSTRAINT "usage_event_organization_id_organization_id_fk";--> statement-breakpoint
DROP INDEX "usage_event_idempotency_idx";--> statement-breakpoint
ALTER TABLE "usage_event" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "usage_event" ADD CONSTRAINT "usage_event_organization_id_idempotency_key_meter_pk" PRIMARY KEY("organization_id","idempotency_key","meter");--> statement-breakpoint
-- In place of the foreign key's ON DELETE CASCADE (see usage_event in src/modules/usage/schema.ts).
CREATE FUNCTION usage_event_delete_with_organization() RETURNS trigger AS $$
BEGIN
  DELETE FROM usage_event WHERE organization_id = OLD.id;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER organization_deletes_usage_events AFTER DELETE ON "organization"
FOR EACH ROW EXECUTE FUNCTION usage_event_delete_with_organization();
