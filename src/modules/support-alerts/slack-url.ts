import { createHash } from 'node:crypto';
import { z } from 'zod';

// A Slack incoming-webhook URL is a credential: whoever holds it posts into the team's channel. After
// it is saved it is only ever shown masked, e.g. `https://hooks.slack.com/services/T0…/…abcd`, and a
// masked value sent back means "keep the URL saved under it".

const ELLIPSIS = '…';
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** A shorter last segment (the token) shows no tail at all: four characters of it would say too much. */
const TAIL_FROM = 16;

export const SLACK_URL_HINT = 'Must be an https:// URL, such as the https://hooks.slack.com/services/… address Slack gives an incoming webhook.';

/** https anywhere; plain http only to this machine (a receiver under test), never across a network. */
function acceptable(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

export const slackUrl = z.string().trim().max(2000, 'Must be at most 2000 characters.').refine(acceptable, SLACK_URL_HINT);

export function isMasked(value: string): boolean {
  return value.includes(ELLIPSIS);
}

export function maskSlackUrl(value: string): string {
  const url = new URL(value);
  const secret = `${url.pathname}${url.search}`;
  const [first, second] = url.pathname.split('/').filter(Boolean);
  const token = secret.split('/').at(-1) ?? '';
  const tail = token.length >= TAIL_FROM ? token.slice(-4) : '';
  if (first && second && first.length <= 12) return `${url.origin}/${first}/${second.slice(0, 2)}${ELLIPSIS}/${ELLIPSIS}${tail}`;
  return `${url.origin}/${ELLIPSIS}${tail}`;
}

export function slackUrlDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
