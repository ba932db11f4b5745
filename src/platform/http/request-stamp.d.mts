import type http from 'node:http';
export const CLIENT_ADDRESS_HEADER: string;

export type Trust = (address: string, hopIndex: number) => boolean;
export function parseTrustProxy(value: string | undefined): Trust;
export function trustedProxies(): Trust;
export function canonicalAddress(address: string | undefined): string | null;
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: Trust): string | null;
export function stampRequest(req: http.IncomingMessage, res: http.ServerResponse, trust?: Trust): void;
export function readStamp(headers: Headers): { clientAddress: string | null; requestId: string | null };
export function stampsRequests(): boolean;
export function willStampRequests(): void;
