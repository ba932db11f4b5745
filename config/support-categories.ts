// THE support taxonomy: why customers write in, and which portal screen answers each reason. The
// contact form's suggestions, ticket categories, the inbox audit's tagging and the deflection figures
// all read this file; nothing else lists categories.

export type SupportScreen = {
  /** A route-tree path of the portal, with a query when the screen opens a flow directly. */
  path: string;
  /** What the suggestion says the customer can do there. */
  title: string;
  /** Why the screen answers this reason, in one line a customer reads. */
  why: string;
};

export type SupportCategory = {
  label: string;
  /** The screen that lets the customer do it themselves; null: it stays with a person (a refund). */
  screen: SupportScreen | null;
  /** Words and short phrases a customer uses for it, lower case; a match suggests the screen. */
  phrases: readonly string[];
  /** Questions as customers write them: the classifier's seed examples and the form's placeholder ideas. */
  examples: readonly string[];
  /** Audit actions that count as the customer doing it themselves (a self-service completion). */
  selfServiceActions: readonly string[];
};

export const supportCategories = {
  card: {
    label: 'Payment card',
    screen: { path: '/account/billing?flow=payment_method_update', title: 'Update your card', why: 'Change the card you pay with in Stripe’s secure form, in under a minute.' },
    phrases: ['card', 'credit card', 'debit card', 'payment method', 'card expired', 'expiring card', 'new card', 'change card', 'update card', 'card declined'],
    examples: ['I need to change the credit card we pay with', 'Our card expired, how do I update it?', 'Can we pay with a different card?'],
    selfServiceActions: ['billing.open_portal'],
  },
  billing_details: {
    label: 'Billing details',
    screen: { path: '/account/billing', title: 'Edit billing details', why: 'Company name, VAT number, billing email and address are yours to change; the next invoice shows them.' },
    phrases: ['company name', 'vat', 'vat number', 'tax id', 'billing email', 'billing address', 'address on invoice', 'invoice address', 'legal name'],
    examples: ['Please change the company name on our invoices', 'Can you add our VAT number?', 'Invoices should go to accounting@ instead'],
    selfServiceActions: ['billing.update_details', 'billing.add_tax_id', 'billing.remove_tax_id'],
  },
  team: {
    label: 'Team and seats',
    screen: { path: '/account/team', title: 'Manage your team', why: 'Invite or remove teammates and change their roles yourself.' },
    phrases: ['teammate', 'team member', 'add user', 'remove user', 'invite', 'invitation', 'colleague', 'seat', 'seats', 'role', 'permissions', 'admin access', 'left the company', 'transfer ownership', 'owner'],
    examples: ['How do I add a colleague to our account?', 'Please remove John, he left the company', 'Can you make Sara an admin?'],
    selfServiceActions: ['team.invite', 'team.resend_invitation', 'team.revoke_invitation', 'team.change_role', 'team.remove_member', 'team.transfer_ownership'],
  },
  charge: {
    label: 'Understanding a charge',
    screen: { path: '/account/usage', title: 'See what you used', why: 'Usage per meter for this period, against your plan’s limits, explains most charges.' },
    phrases: ['charged', 'charge', 'why was i charged', 'overage', 'higher than expected', 'bill is higher', 'usage', 'extra cost', 'unexpected charge', 'double charged'],
    examples: ['Why was I charged more this month?', 'What is this extra charge on our bill?', 'We were billed for usage we did not expect'],
    selfServiceActions: [],
  },
  invoices: {
    label: 'Invoices and receipts',
    screen: { path: '/account/invoices', title: 'Download invoices', why: 'Every invoice as a PDF, and a whole quarter as one ZIP.' },
    phrases: ['invoice', 'invoices', 'receipt', 'receipts', 'pdf', 'download invoice', 'last quarter', 'copy of invoice', 'bank transfer', 'paid by transfer'],
    examples: ['Can you send me last quarter’s invoices?', 'I need a receipt for March', 'We paid the invoice by bank transfer'],
    selfServiceActions: ['invoices.report_payment'],
  },
  api_keys: {
    label: 'API keys',
    screen: { path: '/account/api-keys', title: 'Manage API keys', why: 'Create, rotate and revoke keys; a rotated key keeps working until the overlap ends.' },
    phrases: ['api key', 'api keys', 'token', 'rotate', 'revoke', 'leaked key', 'new key', 'secret key', 'key expired'],
    examples: ['How do I rotate our API key?', 'We leaked a key, please revoke it', 'I need a new API token'],
    selfServiceActions: ['api_keys.create', 'api_keys.rotate', 'api_keys.revoke'],
  },
  account_access: {
    label: 'Sign-in and account security',
    screen: { path: '/account', title: 'Change your sign-in details', why: 'Password, two-factor authentication, email address and sessions are on your account page.' },
    phrases: ['password', 'reset password', 'forgot password', '2fa', 'two-factor', 'two factor', 'authenticator', 'change email', 'email address', 'log in', 'login', 'sign in', 'locked out', 'sessions'],
    examples: ['How do I change my password?', 'I got a new phone and need to reset 2FA', 'Please change my login email'],
    selfServiceActions: ['account.change_password', 'account.change_email', 'account.enable_two_factor', 'account.disable_two_factor', 'account.revoke_other_sessions'],
  },
  plan_change: {
    label: 'Plan change or cancellation',
    screen: { path: '/account/billing?flow=subscription_update', title: 'Change your plan', why: 'Upgrade, downgrade or cancel in Stripe’s portal; it shows the price before you confirm.' },
    phrases: ['upgrade', 'downgrade', 'change plan', 'switch plan', 'cancel', 'cancellation', 'cancel subscription', 'pricing', 'annual plan', 'monthly plan'],
    examples: ['We want to upgrade to the Pro plan', 'How do I cancel our subscription?', 'Can we switch to annual billing?'],
    selfServiceActions: ['billing.open_portal'],
  },
  refund: {
    label: 'Refund',
    screen: null,
    phrases: ['refund', 'money back', 'reimburse', 'credit note', 'chargeback'],
    examples: ['We were charged after cancelling, can we get a refund?', 'Please refund the last invoice'],
    selfServiceActions: [],
  },
  other: {
    label: 'Something else',
    screen: null,
    phrases: [],
    examples: ['I have a question about your product'],
    selfServiceActions: [],
  },
} as const satisfies Record<string, SupportCategory>;

export type SupportCategoryId = keyof typeof supportCategories;
export const supportCategoryIds = Object.keys(supportCategories) as SupportCategoryId[];

export function isSupportCategory(id: string): id is SupportCategoryId {
  return id in supportCategories;
}

/**
 * The share of contact-form visits shown no suggestions at all, chosen by the attempt's id: the
 * holdout that point-of-contact deflection is measured against.
 */
export const suggestionHoldoutShare = 0.1;
