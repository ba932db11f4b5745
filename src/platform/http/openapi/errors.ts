import { errorStatus, type ErrorCode } from '../errors';
import type { JsonSchema } from './json-schema';
import { usesSessionCookie, type OperationSpec } from './operation';

const errorMeaning: Record<ErrorCode, string> = {
  unauthorized: 'No valid credentials.',
  forbidden: 'Signed in, but not allowed: the role lacks the permission, or a cookie write came from another origin.',
  not_found: 'No such resource in this organization (an id of another organization answers the same).',
  conflict: 'The change conflicts with the current state.',
  payload_too_large: 'The body is over the size limit.',
  validation_failed: 'The input is not valid, or the body is not JSON; `fields` names each bad field.',
  rate_limited: 'Too many requests; `Retry-After` says when to try again.',
  internal: 'Something failed on the portal’s side. No detail is given.',
  upstream_unavailable: 'A system the portal depends on (Stripe, the database) did not answer.',
};

/** The error envelope of one code: `{"success": false, "error": {"code", "message", "fields"?}}`. */
export function errorEnvelopeSchema(code: string, withFields: boolean): JsonSchema {
  return {
    type: 'object',
    required: ['success', 'error'],
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: withFields ? ['code', 'message', 'fields'] : ['code', 'message'],
        properties: {
          code: { const: code },
          message: { type: 'string', description: 'For people; safe to show.' },
          ...(withFields ? { fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field path (`a.b.0`) → why it is not valid; `_` for the body as a whole.' } } : {}),
        },
      },
    },
  };
}

/** The shared response object of each error code, for `components.responses`. */
export function errorResponses(): Record<string, JsonSchema> {
  return Object.fromEntries(
    (Object.keys(errorStatus) as ErrorCode[]).map((code) => [
      code,
      {
        description: `\`${code}\`: ${errorMeaning[code]}`,
        ...(code === 'rate_limited' ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } } } : {}),
        content: { 'application/json': { schema: errorEnvelopeSchema(code, code === 'validation_failed') } },
      },
    ]),
  );
}

/** The errors an operation can answer: those its auth and body imply, its own, and `internal`. */
export function errorCodesOf(operation: OperationSpec): ErrorCode[] {
  if (operation.noEnvelope) return [];
  const codes = new Set<ErrorCode>(operation.errors ?? []);
  const { auth } = operation;
  if (auth.type === 'serverSecret' || auth.type === 'serverSecretOrApiKey' || usesSessionCookie(auth)) codes.add('unauthorized');
  // A staff role without the permission answers 403 on reads too.
  if ((usesSessionCookie(auth) && operation.method !== 'get') || auth.type === 'staffSession') codes.add('forbidden');
  if (auth.type === 'serverSecretOrApiKey') codes.add('forbidden');
  if (operation.body || operation.rawBody) codes.add('payload_too_large');
  if (operation.body || operation.query) codes.add('validation_failed');
  codes.add('internal');
  return [...codes].sort((a, b) => errorStatus[a] - errorStatus[b]);
}
