import ipaddr from 'ipaddr.js';

/**
 * The rate-limit key of a client address. An IPv6 client is usually handed a whole /64, so the /64 is
 * the key; with no address known (served without our entry), every client shares one key.
 */
export function addressKey(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}
