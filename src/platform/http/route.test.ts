import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config';
import { conflict } from './errors';
import { route } from './route';

function call(path: string, handler: () => Promise<Response> = async () => Response.json({ reached: true })) {
  return route(handler)(new Request(new URL(path, 'http://localhost:3000')), {});
}

function disable(value: string): void {
  process.env.DISABLED_SECTIONS = value;
  resetConfigForTests();
}

describe('route()', () => {
  afterEach(() => {
    delete process.env.DISABLED_SECTIONS;
    resetConfigForTests();
  });

  it('answers 404 for the JSON routes of a disabled section without running the handler', async () => {
    disable('team,activity');
    let ran = false;
    for (const path of ['/api/account/team/members/abc', '/api/account/audit?before=3']) {
      const response = await call(path, async () => {
        ran = true;
        return Response.json({});
      });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ success: false, error: { code: 'not_found', message: 'Route not found.' } });
    }
    expect(ran).toBe(false);
  });

  it('runs the handler of enabled sections, of routes outside any section and of look-alike paths', async () => {
    disable('team');
    for (const path of ['/api/account/me', '/api/account/audit', '/api/v1/usage-events', '/api/account/teamwork']) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual({ reached: true });
    }
  });

  it('turns a thrown error into the envelope with its status', async () => {
    const response = await call('/api/account/me', async () => {
      throw conflict('Already done.');
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ success: false, error: { code: 'conflict', message: 'Already done.' } });
  });
});
