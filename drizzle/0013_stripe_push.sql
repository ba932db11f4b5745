ALTER TABLE "billing_profile" ADD COLUMN "details_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_profile" ADD COLUMN "stripe_push_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_profile" ADD COLUMN "stripe_pushed_at" timestamp with time zone;