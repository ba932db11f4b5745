/** What `npm start` prints once the portal is ready. */
export type StartupFacts = {
  portalUrl: string;
  database: string;
  readyInMs: number;
  seeded: boolean;
  demoPresent: boolean;
  demoSignIn: string;
  demoPassword: string;
  apiPort?: number;
  /** The local Stripe simulator the demo is billed through, when it runs. */
  demoBillingUrl?: string;
  serverSecret: { source: 'environment' | 'file'; createdByThisProcess: boolean; secret: string; file?: string };
  mailDir?: string;
  /** Served by plain `next start` rather than scripts/server.mjs: no client address is known. */
  clientAddressesUnknown?: boolean;
};

const RULE = '!'.repeat(100);

function demoWarning(f: StartupFacts): string[] {
  if (!f.demoPresent) return [];
  return [
    RULE,
    '  DEMO DATA IS LOADED: its accounts sign in with a PUBLIC password.',
    `  Demo sign-in: ${f.demoSignIn} / ${f.demoPassword}  (every role: admin@, billing@, member@, viewer@acme.example)`,
    '  Remove the demo tenants before real customers use this portal: npm run demo:remove',
    RULE,
  ];
}

function secretLine(s: StartupFacts['serverSecret']): string | null {
  if (s.source === 'environment') return null;
  if (s.createdByThisProcess) return `  Server secret, generated into ${s.file} (shown this once): ${s.secret}`;
  return `  Server secret: in ${s.file}`;
}

export function startupBanner(f: StartupFacts): string {
  const lines = [
    '',
    `  Deflect is ready at ${f.portalUrl}  (${f.database}, ready in ${f.readyInMs} ms)`,
    f.seeded ? '  Demo data seeded.' : null,
    f.demoBillingUrl ? `  Demo billing: Acme is billed through a local Stripe simulator at ${f.demoBillingUrl} (set STRIPE_SECRET_KEY for Stripe).` : null,
    f.apiPort ? `  Key verification (POST /api/v1/keys/verify) and usage ingest (POST /api/v1/usage-events) also on port ${f.apiPort}.` : null,
    ...demoWarning(f),
    secretLine(f.serverSecret),
    f.clientAddressesUnknown ? '  Not served by scripts/server.mjs (`npm start`): client addresses are unknown, so every client shares one rate limit.' : null,
    f.mailDir ? `  Mail is written to ${f.mailDir} (set SMTP_URL to send it).` : null,
    '',
  ];
  return lines.filter((l) => l !== null).join('\n');
}
