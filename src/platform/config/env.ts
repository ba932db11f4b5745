import { z } from 'zod';
import { normalizeBasePath } from '../http/portal-path';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'on'].includes(v)));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The portal's public origin; with BASE_PATH the portal answers under that path of it. */
  PORTAL_URL: optionalUrl.refine((url) => url === undefined || ['', '/'].includes(new URL(url).pathname), 'PORTAL_URL is the origin only (https://app.example.com); put the path in BASE_PATH.'),
  /** Mounts every page, route and asset under this path (`/account`), for one reverse-proxy rule on the product's own domain. Read at build time. */
  BASE_PATH: z.string().optional().superRefine((value, ctx) => {
    try {
      normalizeBasePath(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().default('.data'),
  PORTAL_SERVER_SECRET: z.string().min(16).optional(),
  HOST_SIGN_IN_URL: optionalUrl,
  HOST_SECURITY_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('Deflect <no-reply@deflect.local>'),
  /** Where customers write to support until tickets ship; unset hides the sections still to come. */
  SUPPORT_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.string().email().optional()),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_PORTAL_CONFIG_ID: z.string().optional(),
  STRIPE_API_URL: z.string().url().default('https://api.stripe.com'),
  REDIS_URL: optionalUrl,
  /** Which prefix new API keys get: `dfl_live_` (production) or `dfl_test_` (a staging portal). */
  API_KEY_ENVIRONMENT: z.enum(['live', 'test']).default('live'),
  /** When set, a lean HTTP server for POST /api/v1/keys/verify and POST /api/v1/usage-events also listens on this port (see README). */
  API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SIGNUP_ENABLED: flag,
  /**
   * Demo tenants on an empty database: unset seeds them on the embedded database only, `true` on any
   * database (`npm start -- --demo`), `false` never. A public password signs them in.
   */
  DEMO_DATA: flag,
  /** Comma-separated portal sections to switch off, e.g. "usage,support". */
  DISABLED_SECTIONS: z.string().default(''),
  /** Where usage is read from: the portal's own events ("builtin") or Stripe Billing Meters ("stripe"). */
  USAGE_SOURCE: z.enum(['builtin', 'stripe']).default('builtin'),
  /** Our meter → Stripe meter id, e.g. "api_calls=mtr_123,storage_gb=mtr_456" (with USAGE_SOURCE=stripe). */
  USAGE_STRIPE_METERS: z.string().default(''),
  /** What an hour of a support person costs, in the currency below (`40` or `40.50`): the inbox audit's human cost and the hours and money deflection saves. */
  SUPPORT_COST_PER_HOUR: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'SUPPORT_COST_PER_HOUR is an amount such as 40 or 40.50.').default('40'),
  SUPPORT_COST_CURRENCY: z.string().regex(/^[a-zA-Z]{3}$/, 'SUPPORT_COST_CURRENCY is a three-letter currency code.').transform((c) => c.toLowerCase()).default('usd'),
}).superRefine((env, ctx) => {
  // Both would fail every request that needs Stripe (each webhook re-fetches what it names), so they stop the start instead.
  const needsKey = [env.STRIPE_WEBHOOK_SECRET ? 'STRIPE_WEBHOOK_SECRET is set' : null, env.USAGE_SOURCE === 'stripe' ? 'USAGE_SOURCE is "stripe"' : null].filter(Boolean);
  if (needsKey.length > 0 && !env.STRIPE_SECRET_KEY) {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_SECRET_KEY'], message: `${needsKey.join(' and ')}, which needs STRIPE_SECRET_KEY too: set it, or unset ${needsKey.length > 1 ? 'them' : 'that'}.` });
  }
});

export type Env = z.infer<typeof envSchema>;
