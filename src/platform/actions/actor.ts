import type { Role, StaffRole } from '@config/permissions';

type RequestOrigin = { ip?: string | null; userAgent?: string | null };

/**
 * Who is acting: a signed-in member of the organization, a signed-in person acting outside any
 * organization (accepting an invitation), the host product (server secret), an organization's API
 * key (acting for that organization only, within its scopes), a member of the SaaS's support team
 * (staff console; `organizationId` is the customer acted on, if any) or Deflect itself.
 */
export type Actor =
  | ({ type: 'user'; userId: string; email: string; organizationId: string; role: Role; sessionId?: string } & RequestOrigin)
  | ({ type: 'person'; userId: string; email: string; organizationId: null; sessionId?: string } & RequestOrigin)
  | ({ type: 'host'; organizationId: string | null } & RequestOrigin)
  | ({ type: 'api_key'; keyId: string; organizationId: string; scopes: readonly string[] } & RequestOrigin)
  | ({ type: 'staff'; staffId: string; email: string; name: string; role: StaffRole; organizationId: string | null; sessionId?: string } & RequestOrigin)
  | ({ type: 'system'; organizationId: string | null } & RequestOrigin);
