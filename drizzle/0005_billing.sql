CREATE TABLE "billing_profile" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"billing_email" text,
	"company_name" text,
	"address" jsonb,
	"payment_method" jsonb,
	"customer_fetched_at" timestamp with time zone,
	"subscription_id" text,
	"subscription_status" text,
	"plan_name" text,
	"current_period_end" timestamp with time zone,
	"next_amount" integer,
	"currency" text,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"subscription_fetched_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_id" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"verification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"provider" text NOT NULL,
	"stripe_invoice_id" text,
	"number" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"subtotal" integer NOT NULL,
	"tax" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"amount_paid" integer DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"lines" jsonb NOT NULL,
	"bill_to" jsonb,
	"pdf_url" text,
	"payment_report" jsonb,
	"fetched_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_stripe_invoice_id_unique" UNIQUE("stripe_invoice_id")
);
--> statement-breakpoint
CREATE TABLE "stripe_event" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "billing_profile" ADD CONSTRAINT "billing_profile_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_id" ADD CONSTRAINT "tax_id_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tax_id_org_value_idx" ON "tax_id" USING btree ("organization_id","type","value");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_org_number_idx" ON "invoice" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "invoice_org_issued_idx" ON "invoice" USING btree ("organization_id","issued_at");--> statement-breakpoint
CREATE INDEX "stripe_event_retry_idx" ON "stripe_event" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "organization_stripe_customer_idx" ON "organization" USING btree ("stripe_customer_id");