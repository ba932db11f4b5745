import { readStamp } from './request-stamp.mjs';

/**
 * Client IP and user agent, for audit rows and rate limits. The IP is the one this process's entry
 * resolved from the socket and TRUST_PROXY (request-stamp.mjs); X-Forwarded-For and X-Real-IP are
 * never read here, as any client can write them.
 */
export function requestMeta(headers: Headers): { ip: string | null; userAgent: string | null } {
  return { ip: readStamp(headers).clientAddress, userAgent: headers.get('user-agent') };
}

/** The id the entry gave this request (also in the response's X-Request-Id), for log lines. */
export function requestIdOf(headers: Headers): string | null {
  return readStamp(headers).requestId;
}
