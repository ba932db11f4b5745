// The demo's help articles: short, and true to what each portal screen does today.

export type SeedArticle = { section: string; slug: string; title: string; body: string };

export const demoArticles: readonly SeedArticle[] = [
  { section: 'account', slug: 'change-your-name', title: 'Change the name others see', body: 'Open **Account** and edit **Profile**. Your teammates see the new name on the Team screen and in Activity.' },
  { section: 'account', slug: 'turn-on-two-factor', title: 'Turn on two-factor authentication', body: 'Under **Two-factor authentication** on the Account screen, scan the code with an authenticator app and enter the code it shows. From then on every sign-in asks for a code.' },
  { section: 'account', slug: 'sign-out-other-devices', title: 'Sign out of other devices', body: '**Sessions** lists where you are signed in. Revoke one session, or choose **Sign out others** to end all but this device.' },
  { section: 'account', slug: 'change-email-or-password', title: 'Change your email or password', body: 'The **Email** and **Password** cards on the Account screen change them. If you sign in through your product account, change them there instead.' },

  { section: 'team', slug: 'invite-a-teammate', title: 'Invite a teammate', body: 'Owners and admins fill in **Invite a teammate** with an email address and a role. The invitation shows under **Pending invitations** until it is accepted; **Resend** sends a new link and the old one stops working.' },
  { section: 'team', slug: 'roles', title: 'What each role may do', body: '- **Owner** and **admin**: everything, including the team and Activity.\n- **Billing**: billing and invoices.\n- **Member**: usage and API keys.\n- **Viewer**: reads what is shared with everyone.' },
  { section: 'team', slug: 'remove-or-leave', title: 'Remove a teammate or leave', body: 'Owners and admins remove a member from the Team list; access ends at once. Anyone but the owner can **Leave**, after which someone has to invite them again.' },
  { section: 'team', slug: 'transfer-ownership', title: 'Transfer ownership', body: 'The owner can hand the organization to another member under **Transfer ownership**. The new owner gets full control, including billing, and you stay on as an admin.' },

  { section: 'billing', slug: 'update-card', title: 'Update the card you pay with', body: 'On the Billing screen, **Update card** opens Stripe’s secure billing portal. Nothing changes until you confirm there.' },
  { section: 'billing', slug: 'change-plan', title: 'Change or cancel your plan', body: '**Change plan** and **Cancel subscription** on the Billing screen open Stripe’s billing portal, where you confirm the change.' },
  { section: 'billing', slug: 'billing-details', title: 'Company name, address and billing email', body: 'Edit **Billing details** on the Billing screen. Your invoices are made out to these details.' },
  { section: 'billing', slug: 'tax-ids', title: 'Add a VAT or tax ID', body: 'Add it under **Tax IDs** so it shows on your invoices. Removing one keeps it on invoices already issued.' },

  { section: 'usage', slug: 'read-your-usage', title: 'Read your usage', body: 'The Usage screen shows each meter for the current billing period (UTC), per day for the last 30 days and per month for the last 12.' },
  { section: 'usage', slug: 'no-usage-yet', title: 'Why there is no usage yet', body: 'Usage appears as soon as your product reports it. If you expected some, check that your servers send usage with a valid API key.' },
  { section: 'usage', slug: 'usage-and-charges', title: 'How usage turns into charges', body: 'Usage above what your plan includes is billed at the end of the period. The invoice lists it line by line; see [Invoices](/account/invoices).' },

  { section: 'invoices', slug: 'download-a-pdf', title: 'Download an invoice as PDF', body: 'Every invoice of your organization is listed on the Invoices screen with its PDF. Dates are in UTC.' },
  { section: 'invoices', slug: 'why-was-i-charged', title: 'Why was I charged this much?', body: 'Open the invoice: its lines show the plan, any proration after a plan change and usage above your plan.' },
  { section: 'invoices', slug: 'paid-by-bank-transfer', title: 'You paid by bank transfer', body: 'Open the invoice and choose **I paid by bank transfer** with the reference on your bank statement. We mark the invoice paid as soon as the transfer arrives.' },

  { section: 'api-keys', slug: 'create-a-key', title: 'Create an API key', body: 'Choose **Create an API key**, give it a name and its scopes. The secret is shown only once: copy it then. The key acts for your organization and keeps working if you leave.' },
  { section: 'api-keys', slug: 'rotate-a-key', title: 'Rotate a key that may have leaked', body: '**Rotate key** gives you a new secret with the same name and scopes. Choose how long the old one keeps working, so you can deploy the new one first.' },
  { section: 'api-keys', slug: 'revoke-a-key', title: 'Revoke a key', body: '**Revoke** stops a key at once. Members manage their own keys; owners and admins manage every key of the organization.' },

  { section: 'support', slug: 'contact-support', title: 'Contact support', body: 'The Support section is how you reach our support team about your account. Say which screen you were on and what you expected to happen.' },
  { section: 'support', slug: 'before-you-write', title: 'Before you write', body: 'Most changes can be made right away: [update your card](/account/billing), [invite a teammate](/account/team) or [download an invoice](/account/invoices).' },
  { section: 'support', slug: 'refunds', title: 'Asking for a refund', body: 'Refunds are handled by a person. Contact support with the invoice number and the reason.' },

  { section: 'activity', slug: 'what-activity-shows', title: 'What Activity shows', body: 'Every change made in your organization, newest first: who made it, when, and what changed. Owners and admins can see it.' },
  { section: 'activity', slug: 'support-in-activity', title: 'Changes made by support', body: 'When our support team changes something for you, Activity shows **Support** and the person’s name as the actor.' },
  { section: 'activity', slug: 'older-entries', title: 'Find older changes', body: 'Activity loads the newest changes first; **Older entries** goes further back.' },
];
