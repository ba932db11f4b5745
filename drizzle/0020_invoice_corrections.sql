CREATE TABLE "invoice_correction" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_user_id" text,
	"bill_to_before" jsonb,
	"bill_to_after" jsonb NOT NULL,
	"changed_fields" jsonb NOT NULL,
	"revision" integer,
	"ticket_id" text,
	"approved_by_staff_id" text,
	"approved_at" timestamp with time zone,
	"credit_note_id" text,
	"replacement_stripe_invoice_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_revision" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"revision" integer NOT NULL,
	"bill_to" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoice_correction" ADD CONSTRAINT "invoice_correction_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_correction" ADD CONSTRAINT "invoice_correction_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_revision" ADD CONSTRAINT "invoice_revision_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_revision" ADD CONSTRAINT "invoice_revision_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_correction_org_idx" ON "invoice_correction" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "invoice_correction_status_idx" ON "invoice_correction" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_revision_invoice_revision_idx" ON "invoice_revision" USING btree ("invoice_id","revision");