import { afterEach, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config';
import { stripeSettings, useDemoStripe } from './settings';

const demo = { apiUrl: 'http://127.0.0.1:4999', secretKey: 'sk_test_demo_billing', webhookSecret: 'whsec_demo' };

function setKey(value: string | undefined): void {
  if (value === undefined) delete process.env.STRIPE_SECRET_KEY;
  else process.env.STRIPE_SECRET_KEY = value;
  resetConfigForTests();
}

afterEach(() => setKey(undefined));

describe('which Stripe the portal talks to', () => {
  it('none without a key or the demo simulator', () => {
    setKey(undefined);
    expect(stripeSettings()).toBeNull();
  });

  it('the demo simulator once the start registered it, labelled as demo', () => {
    setKey(undefined);
    useDemoStripe(demo);
    expect(stripeSettings()).toEqual({ ...demo, demo: true });
  });

  it('a configured STRIPE_SECRET_KEY always, even with the simulator registered', () => {
    useDemoStripe(demo);
    setKey('sk_live_configured');
    expect(stripeSettings()).toMatchObject({ secretKey: 'sk_live_configured', apiUrl: 'https://api.stripe.com', demo: false });
  });
});
