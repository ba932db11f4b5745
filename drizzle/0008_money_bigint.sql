ALTER TABLE "billing_profile" ALTER COLUMN "next_amount" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "subtotal" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "tax" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "tax" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "total" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "amount_paid" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "invoice" ALTER COLUMN "amount_paid" SET DEFAULT 0;