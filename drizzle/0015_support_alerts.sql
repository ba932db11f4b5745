CREATE TABLE "support_alert_rule" (
	"event" text PRIMARY KEY NOT NULL,
	"slack_webhook_ids" jsonb NOT NULL,
	"emails" jsonb NOT NULL,
	"console" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_slack_webhook" (
	"id" text PRIMARY KEY NOT NULL,
	"url_sealed" text NOT NULL,
	"url_digest" text NOT NULL,
	"masked" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_slack_webhook_url_digest_unique" UNIQUE("url_digest")
);
