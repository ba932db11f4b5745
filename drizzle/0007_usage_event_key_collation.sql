-- The idempotency key's columns compare bytewise ("C"): every event inserted descends the primary key
-- comparing them, and the database's default collation (C.UTF-8, say) goes through strcoll for each.
-- Nothing sorts these columns for people to read, so no ordering anyone sees changes.
ALTER TABLE "usage_event" ALTER COLUMN "organization_id" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "usage_event" ALTER COLUMN "idempotency_key" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "usage_event" ALTER COLUMN "meter" TYPE text COLLATE "C";
