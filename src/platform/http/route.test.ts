import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

describe('section JSON routes', () => {
  it('every handler under /api/account goes through route(), which answers 404 for switched-off sections', () => {
    const root = path.join(process.cwd(), 'src/app/api/account');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('route.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(path.join(root, file), 'utf8');
      const handlers = source.match(/^export (const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b.*$/gm) ?? [];
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const handler of handlers) expect(handler, file).toMatch(/^export const (GET|POST|PUT|PATCH|DELETE) = route(<.*>)?\(/);
    }
  });
});
