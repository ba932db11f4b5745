import type { Role } from '@config/permissions';
import type { BillingAddress } from '@/modules/billing/service';
import type { ContractTerms } from '@/platform/tenancy/schema';

export const DEMO_PASSWORD = 'deflect-demo-1234';
export const DEMO_SIGN_IN = 'owner@acme.example';

export type DemoOrganization = {
  externalId: string;
  name: string;
  plan: 'free' | 'pro' | 'enterprise';
  domain: string;
  billing?: 'stripe' | 'contract';
  /** The Stripe customer (used once STRIPE_SECRET_KEY is set; the e2e fake Stripe knows it). */
  stripeCustomerId?: string;
  contract?: ContractTerms;
  /** Billing details on file for a contract customer, and how many quarterly invoices it has had. */
  contractBilling?: { companyName: string; billingEmail: string; address: BillingAddress; taxIds: { type: 'eu_vat'; value: string }[]; invoicePrefix: string; quarters: number };
  people: { name: string; role: Role }[];
  /** This billing period's usage as a share of each limit (of a typical month on an unlimited plan). */
  usageShare: number;
};

const everyRole: { name: string; role: Role }[] = [
  { name: 'Olivia Owner', role: 'owner' },
  { name: 'Adam Admin', role: 'admin' },
  { name: 'Bianca Billing', role: 'billing' },
  { name: 'Mateo Member', role: 'member' },
  { name: 'Vera Viewer', role: 'viewer' },
];

/** Three believable customers on different plans; one pays on a contract. */
export const demoOrganizations: DemoOrganization[] = [
  { externalId: 'org_acme', name: 'Acme Analytics', plan: 'pro', domain: 'acme.example', billing: 'stripe', stripeCustomerId: 'cus_demo_acme', people: everyRole, usageShare: 0.9 },
  {
    externalId: 'org_globex',
    name: 'Globex Corporation',
    plan: 'enterprise',
    domain: 'globex.example',
    billing: 'contract',
    contract: { terms: 'Annual contract, invoiced quarterly in advance, net 30', renewalDate: '2027-03-31', amount: 4_800_000, currency: 'eur' },
    contractBilling: {
      companyName: 'Globex Corporation GmbH',
      billingEmail: 'accounts@globex.example',
      address: { line1: 'Friedrichstraße 100', line2: null, city: 'Berlin', postalCode: '10117', state: null, country: 'DE' },
      taxIds: [{ type: 'eu_vat', value: 'DE136695976' }],
      invoicePrefix: 'GLX',
      quarters: 6,
    },
    people: everyRole,
    usageShare: 0.6,
  },
  {
    externalId: 'org_initech',
    name: 'Initech',
    plan: 'free',
    domain: 'initech.example',
    people: [
      { name: 'Peter Gibbons', role: 'owner' },
      { name: 'Samir Nagheenanajar', role: 'member' },
      { name: 'Milton Waddams', role: 'viewer' },
    ],
    usageShare: 0.35,
  },
];

export function demoEmail(role: Role, domain: string, index: number): string {
  return index === 0 || role !== 'owner' ? `${role}@${domain}` : `${role}${index}@${domain}`;
}
