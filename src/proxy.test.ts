import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '@/platform/config';
import { config, proxy } from './proxy';

function visit(path: string) {
  return proxy(new NextRequest(new URL(path, 'http://localhost:3000')));
}

describe('proxy: switched-off sections', () => {
  afterEach(() => {
    delete process.env.DISABLED_SECTIONS;
    resetConfigForTests();
  });

  it('answers 404 for the pages of a disabled section', () => {
    process.env.DISABLED_SECTIONS = 'team,activity';
    resetConfigForTests();
    expect(visit('/account/team').status).toBe(404);
    expect(visit('/account/activity?before=3').status).toBe(404);
  });

  it('runs for pages only: JSON routes are gated by route() without a middleware pass', () => {
    expect(config.matcher).toEqual(['/account', '/account/:path*']);
  });

  it('lets enabled sections and the Account screen through, with the requested path for the gate', () => {
    process.env.DISABLED_SECTIONS = 'team';
    resetConfigForTests();
    for (const path of ['/account', '/account/activity']) {
      const response = visit(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-middleware-next'), path).toBe('1');
    }
    expect(visit('/account/activity?before=9').headers.get('x-middleware-request-x-deflect-path')).toBe('/account/activity?before=9');
  });

  it('does not confuse a section with a longer name that starts the same', () => {
    process.env.DISABLED_SECTIONS = 'team';
    resetConfigForTests();
    expect(visit('/account/teamwork').status).toBe(200);
  });
});
