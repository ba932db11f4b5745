// The Stripe objects the fake keeps, in Stripe's shapes: the subset of fields the portal reads.
// Checked against the SDK's own types, so a misspelt field, or one Stripe renames, fails to compile.
import type Stripe from 'stripe';

/** `Fake`, provided each of its fields is a field of Stripe's `Real`. */
type StripeShaped<Real, Fake extends { [K in keyof Fake]: K extends keyof Real ? unknown : never }> = Fake;

export type FakeList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };
export type FakeDeleted<O extends string> = { id: string; object: O; deleted: true };

export type FakeMeterEvent = { meter: string; customer: string; timestamp: number; value: number };

export type FakeCustomer = StripeShaped<
  Stripe.Customer,
  Pick<Stripe.Customer, 'id' | 'object' | 'email' | 'created' | 'livemode' | 'metadata'> & {
    name: string | null;
    address: Stripe.Address | null;
    invoice_settings: { default_payment_method: string | null };
  }
>;

/** A customer as GET /v1/customers/:id answers it, with `expand` applied. */
export type FakeCustomerView = StripeShaped<
  Stripe.Customer,
  Omit<FakeCustomer, 'invoice_settings'> & {
    invoice_settings: { default_payment_method: string | FakePaymentMethod | null };
    tax_ids?: FakeList<FakeTaxId>;
  }
>;

export type FakeTaxIdStatus = 'pending' | 'verified' | 'unverified' | 'unavailable';

export type FakeTaxId = StripeShaped<
  Stripe.TaxId,
  Pick<Stripe.TaxId, 'id' | 'object' | 'type' | 'value' | 'country' | 'created' | 'livemode'> & {
    customer: string;
    verification: { status: FakeTaxIdStatus; verified_name: null; verified_address: null };
  }
>;

export type FakePaymentMethod = StripeShaped<
  Stripe.PaymentMethod,
  Pick<Stripe.PaymentMethod, 'id' | 'object' | 'created' | 'livemode' | 'metadata'> & {
    type: 'card';
    customer: string | null;
    card: Pick<Stripe.PaymentMethod.Card, 'brand' | 'last4' | 'exp_month' | 'exp_year'>;
  }
>;

export type FakeInterval = 'month' | 'year';

export type FakePrice = StripeShaped<
  Stripe.Price,
  Pick<Stripe.Price, 'id' | 'object' | 'unit_amount' | 'currency' | 'nickname' | 'livemode' | 'metadata'> & {
    product: string;
    recurring: StripeShaped<Stripe.Price.Recurring, { interval: FakeInterval; interval_count: 1 }>;
  }
>;

/** In this API version the billing period is on the items, not on the subscription. */
export type FakeSubscriptionItem = StripeShaped<
  Stripe.SubscriptionItem,
  Pick<Stripe.SubscriptionItem, 'id' | 'object' | 'current_period_start' | 'current_period_end' | 'metadata'> & {
    quantity: number;
    price: FakePrice;
  }
>;

export type FakeSubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'canceled' | 'incomplete' | 'unpaid';

export type FakeSubscription = StripeShaped<
  Stripe.Subscription,
  Pick<Stripe.Subscription, 'id' | 'object' | 'cancel_at_period_end' | 'canceled_at' | 'created' | 'currency' | 'livemode' | 'metadata'> & {
    customer: string;
    status: FakeSubscriptionStatus;
    items: FakeList<FakeSubscriptionItem>;
  }
>;

export type FakeInvoiceLine = StripeShaped<
  Stripe.InvoiceLineItem,
  Pick<Stripe.InvoiceLineItem, 'id' | 'object' | 'amount' | 'currency' | 'description' | 'period' | 'livemode' | 'metadata'> & {
    quantity: number;
    /** The SDK turns `unit_amount_decimal` into its Decimal: Stripe sends a decimal string. */
    pricing: StripeShaped<Stripe.InvoiceLineItem.Pricing, { type: 'price_details'; unit_amount_decimal: string; price_details: { price: string; product: string } }>;
    parent: StripeShaped<
      Stripe.InvoiceLineItem.Parent,
      {
        type: 'subscription_item_details';
        subscription_item_details: StripeShaped<
          Stripe.InvoiceLineItem.Parent.SubscriptionItemDetails,
          { proration: boolean; proration_details: { credited_items: null }; subscription: string; subscription_item: string }
        >;
      }
    > | null;
  }
>;

export type FakeInvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

type InvoiceFields = 'id' | 'object' | 'currency' | 'subtotal' | 'total' | 'amount_due' | 'amount_paid' | 'amount_remaining' | 'created' | 'due_date'
  | 'period_start' | 'period_end' | 'customer_name' | 'customer_email' | 'customer_address' | 'status_transitions' | 'livemode' | 'metadata';

export type FakeInvoice = StripeShaped<
  Stripe.Invoice,
  Pick<Stripe.Invoice, InvoiceFields> & {
    customer: string;
    number: string | null;
    status: FakeInvoiceStatus;
    invoice_pdf: string | null;
    hosted_invoice_url: string | null;
    customer_tax_ids: { type: string; value: string }[];
    total_taxes: [];
    parent: StripeShaped<Stripe.Invoice.Parent, { type: 'subscription_details'; subscription_details: { subscription: string } }> | null;
    /** The first ten lines, as Stripe embeds them; all of them at GET /v1/invoices/:id/lines. */
    lines: FakeList<FakeInvoiceLine>;
  }
>;

export type FakeCreditNote = StripeShaped<
  Stripe.CreditNote,
  Pick<Stripe.CreditNote, 'id' | 'object' | 'amount' | 'created' | 'currency' | 'memo' | 'livemode' | 'number' | 'pre_payment_amount' | 'post_payment_amount' | 'total' | 'subtotal'> & {
    customer: string;
    invoice: string;
    status: 'issued';
    type: 'pre_payment' | 'post_payment';
    reason: Stripe.CreditNote.Reason | null;
    out_of_band_amount: number | null;
    metadata: Record<string, string>;
  }
>;

export type FakePortalFlowType = 'payment_method_update' | 'subscription_update' | 'subscription_cancel';

export type FakePortalFlow = StripeShaped<
  Stripe.BillingPortal.Session.Flow,
  {
    type: FakePortalFlowType;
    after_completion: { type: 'portal_homepage'; hosted_confirmation: null; redirect: null };
    customer_update: null;
    subscription_cancel: { retention: null; subscription: string } | null;
    subscription_pause: null;
    subscription_update: { subscription: string } | null;
    subscription_update_confirm: null;
  }
>;

export type FakePortalSession = StripeShaped<
  Stripe.BillingPortal.Session,
  Pick<Stripe.BillingPortal.Session, 'id' | 'object' | 'customer' | 'return_url' | 'url' | 'created' | 'livemode'> & {
    configuration: string;
    flow: FakePortalFlow | null;
  }
>;

export type FakeEventObject = FakeCustomer | FakeTaxId | FakePaymentMethod | FakeSubscription | FakeInvoice | FakePortalSession | FakeCreditNote;

export type FakeEvent = StripeShaped<
  Stripe.Event,
  Pick<Stripe.Event, 'id' | 'object' | 'created' | 'livemode' | 'pending_webhooks' | 'request'> & {
    type: Stripe.Event.Type;
    api_version: string;
    data: { object: FakeEventObject; previous_attributes?: Record<string, unknown> };
  }
>;
