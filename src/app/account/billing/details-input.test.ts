import { describe, expect, it } from 'vitest';
import { billingDetailsOf } from './details-input';

describe('billingDetailsOf', () => {
  it('nests the address and turns blanks into "none"', () => {
    expect(
      billingDetailsOf({ billingEmail: ' ', companyName: 'Acme GmbH', 'address.line1': 'Main St 1', 'address.line2': '', 'address.city': 'Berlin', 'address.postalCode': '10117', 'address.state': '', 'address.country': 'de' }),
    ).toEqual({ billingEmail: null, companyName: 'Acme GmbH', address: { line1: 'Main St 1', line2: '', city: 'Berlin', postalCode: '10117', state: '', country: 'de' } });
  });

  it('reads an address left entirely blank as no address', () => {
    expect(billingDetailsOf({ billingEmail: 'a@b.example', companyName: 'Acme', 'address.line1': ' ', 'address.city': '' }).address).toBeNull();
  });

  it('passes a partly filled address on, so that the missing parts are named', () => {
    expect(billingDetailsOf({ 'address.city': 'Berlin' }).address).toEqual({ line1: '', line2: '', city: 'Berlin', postalCode: '', state: '', country: '' });
  });
});
