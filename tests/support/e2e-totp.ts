import * as OTPAuth from 'otpauth';

/**
 * An authenticator app, for the journeys. Built from the otpauth:// URI the portal shows, so it
 * uses the same algorithm, digits and period as the server. Better Auth puts the base32 of its
 * secret in the URI's `secret` parameter; that is also the setup key the page displays.
 */
export function authenticatorFrom(totpUri: string): OTPAuth.TOTP {
  const otp = OTPAuth.URI.parse(totpUri);
  if (!(otp instanceof OTPAuth.TOTP)) throw new Error(`Not a TOTP URI: ${totpUri}`);
  return otp;
}

/**
 * The current code, but never one about to expire: with less than `marginMs` left in the period,
 * it waits (a computed wait, not a fixed sleep) for the next period to begin.
 */
export async function freshCode(totp: OTPAuth.TOTP, marginMs = 3_000): Promise<string> {
  const periodMs = totp.period * 1000;
  const remaining = periodMs - (Date.now() % periodMs);
  if (remaining < marginMs) await new Promise((resolve) => setTimeout(resolve, remaining + 50));
  return totp.generate();
}
