import type { Role } from '@config/permissions';

type RequestOrigin = { ip?: string | null; userAgent?: string | null };

/** Who is acting: a signed-in member, the host product (server secret) or Deflect itself. */
export type Actor =
  | ({ type: 'user'; userId: string; email: string; organizationId: string; role: Role; sessionId?: string } & RequestOrigin)
  | ({ type: 'host'; organizationId: string | null } & RequestOrigin)
  | ({ type: 'system'; organizationId: string | null } & RequestOrigin);
