import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ioredis', 'nodemailer'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
