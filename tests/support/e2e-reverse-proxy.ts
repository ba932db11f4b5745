// The product's own domain for the base-path journeys (playwright.config.ts runs it as a webServer):
// Debian's nginx on E2E_PROXY_PORT with the locations README's deployment section documents
// (docs/deploy/nginx.conf, pointed at the portal built for /account), in front of a stand-in host
// product that owns everything else: its home page, its own /_next, and a page that echoes the
// cookies it receives.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_BASE_PATH_PORT, E2E_HOST_PRODUCT_TITLE, E2E_PROXY_PORT } from './e2e-env';

const DOCUMENTED_UPSTREAM = 'http://127.0.0.1:3000';
const DOCUMENTED_INCLUDE = '/etc/nginx/deflect-proxy.conf';

const hostHome = `<!doctype html><html lang="en"><head><title>${E2E_HOST_PRODUCT_TITLE}</title></head><body><h1>${E2E_HOST_PRODUCT_TITLE}</h1><a href="/account">Your account</a></body></html>`;

function nginxConfig(dir: string): string {
  const locations = readFileSync('docs/deploy/nginx.conf', 'utf8');
  if (!locations.includes(DOCUMENTED_UPSTREAM) || !locations.includes(DOCUMENTED_INCLUDE)) throw new Error('docs/deploy/nginx.conf no longer names the upstream and include this launcher replaces');
  writeFileSync(path.join(dir, 'deflect-proxy.conf'), readFileSync('docs/deploy/nginx-proxy.conf', 'utf8'));
  writeFileSync(path.join(dir, 'deflect.conf'), locations.replaceAll(DOCUMENTED_UPSTREAM, `http://127.0.0.1:${E2E_BASE_PATH_PORT}`).replaceAll(DOCUMENTED_INCLUDE, path.join(dir, 'deflect-proxy.conf')));
  const temp = (name: string) => {
    mkdirSync(path.join(dir, name));
    return path.join(dir, name);
  };
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  server {
    listen 127.0.0.1:${E2E_PROXY_PORT};
    server_name localhost;
    location = / { default_type text/html; return 200 '${hostHome}'; }
    location = /cookies { default_type text/plain; return 200 "$http_cookie"; }
    location /_next/ { default_type text/plain; return 200 "the product's own asset"; }
    location / { default_type text/plain; return 404 "not a page of the product"; }
    include ${path.join(dir, 'deflect.conf')};
  }
}
`;
}

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'deflect-nginx-'));
  chmodSync(dir, 0o755); // nginx's workers run as another user and write their buffers here
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir));
  console.info(`[e2e] nginx on http://localhost:${E2E_PROXY_PORT}: the stand-in product, and the portal under /account`);
  const nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (nginx.exitCode === null) nginx.kill('SIGQUIT'); // nginx's graceful stop
    });
  }
  nginx.on('error', (error) => {
    console.error(`[e2e] could not start nginx (${error.message}); .ci/run installs Debian's nginx-light`);
    process.exit(1);
  });
  nginx.on('exit', (code, signal) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main();
