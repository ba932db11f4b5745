// The client's address and a request id, stamped on each request by this process's own HTTP entry
// (scripts/server.mjs for the portal, the lean server for the hot API routes) and read back by
// requestMeta. Plain JavaScript: scripts/server.mjs runs it without a compiler.
//
// The address comes from the socket; X-Forwarded-For is followed only through the proxies that
// TRUST_PROXY names, as Express does (proxy-addr). The stamp carries a secret made per process, so a
// header a client sends can never pass for one: the entry overwrites it on every request, and a
// process served some other way (plain `next start`) has no secret, so nothing is honoured there.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

export const CLIENT_ADDRESS_HEADER = 'x-deflect-client-address';
const STAMP_HEADER = 'x-deflect-stamp';
const REQUEST_ID_HEADER = 'x-request-id';
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const slot = Symbol.for('deflect.requestStamp');

/** The process's stamp secret; on globalThis because Next bundles its own copy of this module. */
function processSecret(create) {
  if (create) globalThis[slot] ??= randomBytes(24).toString('base64url');
  return globalThis[slot];
}

/**
 * TRUST_PROXY as proxy-addr's trust function: unset trusts nothing (the socket's address is the
 * client's); a number trusts that many hops; else a comma list of addresses, CIDRs and proxy-addr's
 * names (loopback, linklocal, uniquelocal).
 */
export function parseTrustProxy(value) {
  const text = (value ?? '').trim();
  if (!text) return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, index) => index < hops;
  }
  try {
    return proxyAddr.compile(text.split(',').map((entry) => entry.trim()).filter(Boolean));
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${error.message}. Expected a hop count or a comma list of addresses, CIDRs, loopback, linklocal or uniquelocal.`);
  }
}

const trustCache = new Map();
/** The trust function of the process's TRUST_PROXY. */
export function trustedProxies() {
  const value = process.env.TRUST_PROXY ?? '';
  if (!trustCache.has(value)) trustCache.set(value, parseTrustProxy(value));
  return trustCache.get(value);
}

/** One spelling per address (IPv4-mapped IPv6 as IPv4, IPv6 compressed, lower case); null for anything else. */
export function canonicalAddress(address) {
  if (typeof address !== 'string' || !isIP(address)) return null;
  return ipaddr.process(address).toString();
}

/**
 * The client's address: the socket's, or the nearest X-Forwarded-For hop that is not a trusted proxy.
 * A hop that is no address (a client can write anything in the header) ends the chain at the last
 * address before it.
 */
export function resolveClientAddress(socketAddress, forwardedFor, trust) {
  const chain = proxyAddr.all({ headers: { 'x-forwarded-for': forwardedFor ?? '' }, socket: { remoteAddress: socketAddress } }, trust);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = canonicalAddress(chain[i]);
    if (address) return address;
  }
  return null;
}

function single(value) {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Overwrites the request's stamp headers: the client's address and a request id (a trusted proxy's
 * X-Request-Id when it sent a plain one, else a new one), which the response carries too.
 */
export function stampRequest(req, res, trust = trustedProxies()) {
  const socketAddress = req.socket.remoteAddress;
  const address = resolveClientAddress(socketAddress, single(req.headers['x-forwarded-for']), trust);
  const offered = single(req.headers[REQUEST_ID_HEADER]);
  const fromProxy = socketAddress !== undefined && trust(socketAddress, 0) && requestIdPattern.test(offered ?? '');
  const requestId = fromProxy ? offered : randomUUID();
  req.headers[CLIENT_ADDRESS_HEADER] = address ?? '';
  req.headers[STAMP_HEADER] = processSecret(true);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
}

function isStamped(headers) {
  const secret = processSecret(false);
  const offered = headers.get(STAMP_HEADER);
  if (!secret || !offered || offered.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(offered), Buffer.from(secret));
}

/** What stampRequest put on these headers; nulls when this process's entry did not stamp them. */
export function readStamp(headers) {
  if (!isStamped(headers)) return { clientAddress: null, requestId: null };
  return { clientAddress: headers.get(CLIENT_ADDRESS_HEADER) || null, requestId: headers.get(REQUEST_ID_HEADER) };
}

/** True once this process's own entry has stamped a request or is about to (scripts/server.mjs). */
export function stampsRequests() {
  return Boolean(processSecret(false));
}

/** Called by an entry before it serves, so the app knows at boot that requests will be stamped. */
export function willStampRequests() {
  processSecret(true);
}
