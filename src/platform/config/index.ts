import { envSchema, type Env } from './env';

export type Config = Env & { portalUrl: string; signupEnabled: boolean };

let cached: Config | undefined;

/** The environment cannot work: the server stops at start rather than fail each request. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Parses the environment once per process; an invalid value stops the process with a readable list. */
export function getConfig(): Config {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigurationError(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    portalUrl: (env.PORTAL_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    signupEnabled: env.SIGNUP_ENABLED ?? true,
  };
  return cached;
}

/** Tests change the environment between cases; this forgets the parsed copy. */
export function resetConfigForTests(): void {
  cached = undefined;
}
