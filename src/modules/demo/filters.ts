import { inArray, like, or } from 'drizzle-orm';
import { user } from '@/platform/auth/schema';
import { organization } from '@/platform/tenancy/schema';
import { demoOrganizations } from './data';

/** The demo tenants, by their external ids. */
export const isDemoOrganization = inArray(
  organization.externalId,
  demoOrganizations.map((o) => o.externalId),
);

/** The demo people, by their reserved `.example` domains. */
export const isDemoPerson = or(...demoOrganizations.map((o) => like(user.email, `%@${o.domain}`)));
