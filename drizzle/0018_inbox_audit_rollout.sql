CREATE TABLE "inbox_audit_corrections" (
	"external_id" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"corrected_by_staff_id" text,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_audit_tickets" (
	"audit_id" text NOT NULL,
	"external_id" text NOT NULL,
	"line" integer NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"tags" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"category" text NOT NULL,
	"confidence" real NOT NULL,
	CONSTRAINT "inbox_audit_tickets_audit_id_external_id_pk" PRIMARY KEY("audit_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "inbox_audits" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"source" text,
	"status" text DEFAULT 'importing' NOT NULL,
	"bytes_read" integer DEFAULT 0 NOT NULL,
	"bytes_total" integer DEFAULT 0 NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"invalid" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"invalid_count" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"from" timestamp with time zone,
	"to" timestamp with time zone,
	"created_by_staff_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scope_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"audit_id" text,
	"content" jsonb NOT NULL,
	"created_by_staff_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by_staff_id" text,
	"signed_at" timestamp with time zone,
	CONSTRAINT "scope_documents_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "section_rollouts" (
	"section" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"percentage" integer DEFAULT 0 NOT NULL,
	"organizations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"launched_at" timestamp with time zone,
	"updated_by_staff_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_audit_corrections" ADD CONSTRAINT "inbox_audit_corrections_corrected_by_staff_id_staff_user_id_fk" FOREIGN KEY ("corrected_by_staff_id") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_audit_tickets" ADD CONSTRAINT "inbox_audit_tickets_audit_id_inbox_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."inbox_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_audits" ADD CONSTRAINT "inbox_audits_created_by_staff_id_staff_user_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_documents" ADD CONSTRAINT "scope_documents_audit_id_inbox_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."inbox_audits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_documents" ADD CONSTRAINT "scope_documents_created_by_staff_id_staff_user_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_documents" ADD CONSTRAINT "scope_documents_signed_by_staff_id_staff_user_id_fk" FOREIGN KEY ("signed_by_staff_id") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_rollouts" ADD CONSTRAINT "section_rollouts_updated_by_staff_id_staff_user_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_audit_tickets_category_idx" ON "inbox_audit_tickets" USING btree ("audit_id","category");--> statement-breakpoint
CREATE INDEX "inbox_audit_tickets_created_idx" ON "inbox_audit_tickets" USING btree ("created_at") WHERE created_at is not null;--> statement-breakpoint
CREATE INDEX "inbox_audits_created_idx" ON "inbox_audits" USING btree ("created_at");