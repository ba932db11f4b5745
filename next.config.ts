import type { NextConfig } from 'next';
import { normalizeBasePath } from './src/platform/http/portal-path';

// Read at build time: a portal mounted under a base path is built for it (`npm start` rebuilds when it changes).
const basePath = normalizeBasePath(process.env.BASE_PATH);

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ioredis', 'nodemailer', 'pdfkit', 'pg-boss'],
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) checks the whole tree, tests included; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // A second build beside the first (the reverse-proxy journey builds one under a base path).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  env: { DEFLECT_BASE_PATH: basePath },
  ...(basePath
    ? {
        basePath,
        // The customer pages fold into the base path (see portal-path.ts): its root and every path
        // that is no other route are the route tree's /account pages.
        async rewrites() {
          return {
            beforeFiles: [{ source: '/', destination: '/account' }],
            afterFiles: [],
            fallback: [{ source: '/:path*', destination: '/account/:path*' }],
          };
        },
      }
    : {}),
};

export default nextConfig;
