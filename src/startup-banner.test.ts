import { describe, expect, it } from 'vitest';
import { startupBanner, type StartupFacts } from './startup-banner';

const base: StartupFacts = {
  portalUrl: 'http://localhost:3000/account',
  database: 'PostgreSQL',
  readyInMs: 12,
  seeded: false,
  demoPresent: false,
  demoSignIn: 'owner@acme.example',
  demoPassword: 'deflect-demo-1234',
  serverSecret: { source: 'file', createdByThisProcess: false, secret: 'dfl_srv_abcdefghijklmnop', file: '/data/server-secret' },
};

describe('start-up banner', () => {
  it('prints a generated server secret in full only in the start that generated it', () => {
    const created = startupBanner({ ...base, serverSecret: { ...base.serverSecret, createdByThisProcess: true } });
    expect(created).toContain('dfl_srv_abcdefghijklmnop');
    const later = startupBanner(base);
    expect(later).not.toContain('dfl_srv_abcdefghijklmnop');
    expect(later).toContain('/data/server-secret');
    expect(startupBanner({ ...base, serverSecret: { source: 'environment', createdByThisProcess: false, secret: 'dfl_srv_from_env_secret' } })).not.toContain('dfl_srv_from_env_secret');
  });

  it('warns loudly, with the way out, while demo accounts exist, and says nothing of them otherwise', () => {
    const withDemo = startupBanner({ ...base, demoPresent: true });
    expect(withDemo).toContain('DEMO DATA IS LOADED');
    expect(withDemo).toContain('npm run demo:remove');
    expect(withDemo).toContain('deflect-demo-1234');
    const without = startupBanner(base);
    expect(without).not.toContain('demo');
    expect(without).not.toContain('deflect-demo-1234');
  });
});
