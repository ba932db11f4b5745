import type { z } from 'zod';
import type { ErrorCode } from '../errors';

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * Who may call an operation: the host product's server secret, that or an API key with a scope, the
 * portal's session cookie or the staff console's (writes also need the portal's own Origin), Stripe's
 * signature, or anyone.
 */
export type Auth =
  | { type: 'serverSecret' }
  | { type: 'serverSecretOrApiKey'; scope: string }
  | { type: 'session' }
  | { type: 'staffSession' }
  | { type: 'stripeSignature' }
  | { type: 'public' };

/** Whether the operation is called with a session cookie, so that its writes need the portal's own Origin. */
export function usesSessionCookie(auth: Auth): boolean {
  return auth.type === 'session' || auth.type === 'staffSession';
}

/** A JSON body validated by `schema`; `fromPath` names the schema's keys the route fills from path parameters. */
export type JsonBody = { schema: z.ZodType; fromPath?: readonly string[] };

/** A successful answer: the envelope around `data`, or a document of another media type. */
export type Success =
  | { status: number; description: string; data: z.ZodType }
  | { status: number; description: string; mediaType: string; schema?: z.ZodType }
  | { status: 204; description: string };

/** Another answer outside the error envelope: the health check's 503 (JSON), a redirect (no body). */
export type ExtraResponse = { status: number; description: string; schema?: z.ZodType };

export type OperationSpec = {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/organizations/{externalId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  pathParams?: Record<string, { description: string; schema?: z.ZodType }>;
  /** An object schema whose properties are the query parameters. */
  query?: z.ZodType;
  body?: JsonBody;
  /** A body that is not JSON to validate (Stripe's raw event). */
  rawBody?: { mediaType: string; description: string };
  success: Success;
  /** Errors beyond those the auth and the body imply. */
  errors?: readonly ErrorCode[];
  /** A non-envelope error response with its own code (Stripe's `invalid_signature` 400). */
  customErrors?: readonly { status: number; code: string; description: string }[];
  extraResponses?: readonly ExtraResponse[];
  /** Served outside `route()`: its failures are not in the error envelope. */
  noEnvelope?: true;
};
