import { describe, expect, it } from 'vitest';
import { checkTaxId, taxIdExamples, taxIdTypes } from './tax-id-format';
import type { TaxIdType } from './tax-id-format';

// Valid numbers come from stdnum's own test files; each broken one changes only the check digit.
const euVatCases: [prefix: string, country: string, valid: string, brokenCheckDigit: string][] = [
  ['AT', 'AT', 'ATU13585627', 'ATU13585626'],
  ['BE', 'BE', 'BE0403019261', 'BE0403019262'],
  ['BG', 'BG', 'BG175074752', 'BG175074754'],
  ['CY', 'CY', 'CY10259033P', 'CY10259033Z'],
  ['CZ', 'CZ', 'CZ25123891', 'CZ25123890'],
  ['DE', 'DE', 'DE136695976', 'DE136695978'],
  ['DK', 'DK', 'DK13585628', 'DK13585627'],
  ['EE', 'EE', 'EE100594102', 'EE100594103'],
  ['EL', 'GR', 'EL094259216', 'EL094259217'],
  ['ES', 'ES', 'ESB58378431', 'ESB58378432'],
  ['FI', 'FI', 'FI20774740', 'FI20774741'],
  ['FR', 'FR', 'FR40303265045', 'FR41303265045'],
  ['HR', 'HR', 'HR33392005961', 'HR33392005962'],
  ['HU', 'HU', 'HU12892312', 'HU12892313'],
  ['IE', 'IE', 'IE6433435OA', 'IE6433435EA'],
  ['IT', 'IT', 'IT00743110157', 'IT00743110158'],
  ['LT', 'LT', 'LT119511515', 'LT119511516'],
  ['LU', 'LU', 'LU15027442', 'LU15027443'],
  ['LV', 'LV', 'LV40003521600', 'LV40003521601'],
  ['MT', 'MT', 'MT11679112', 'MT11679113'],
  ['NL', 'NL', 'NL004495445B01', 'NL004495446B01'],
  ['PL', 'PL', 'PL8567346215', 'PL8567346216'],
  ['PT', 'PT', 'PT501964843', 'PT501964842'],
  ['RO', 'RO', 'RO18547290', 'RO18547291'],
  ['SE', 'SE', 'SE123456789701', 'SE123456789101'],
  ['SI', 'SI', 'SI50223054', 'SI50223053'],
  ['SK', 'SK', 'SK2022749619', 'SK2022749618'],
  ['XI', 'GB', 'XI980780684', 'XI980780685'],
];

function expectChecksumFailure(type: TaxIdType, raw: string) {
  const result = checkTaxId(type, raw);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.message).toContain('check digit');
  expect(result.message).toContain(taxIdExamples[type]);
}

function expectFailure(type: TaxIdType, raw: string, problem?: string) {
  const result = checkTaxId(type, raw);
  expect(result).toMatchObject({ ok: false });
  if (result.ok) return;
  expect(result.message).toContain(taxIdExamples[type]);
  if (problem) expect(result.message).toContain(problem);
}

describe('checkTaxId eu_vat', () => {
  it('covers all 27 member states and Northern Ireland', () => {
    expect(new Set(euVatCases.map(([prefix]) => prefix)).size).toBe(28);
  });

  it.each(euVatCases)('accepts a valid %s number', (_prefix, country, valid) => {
    expect(checkTaxId('eu_vat', valid)).toEqual({ ok: true, value: valid, country });
  });

  it.each(euVatCases)('rejects a %s number with a wrong check digit', (_prefix, _country, _valid, broken) => {
    expectChecksumFailure('eu_vat', broken);
  });

  it('normalises case, spaces, dots and dashes', () => {
    expect(checkTaxId('eu_vat', ' de 136.695-976 ')).toEqual({ ok: true, value: 'DE136695976', country: 'DE' });
    expect(checkTaxId('eu_vat', 'atu 135 856 27')).toEqual({ ok: true, value: 'ATU13585627', country: 'AT' });
    expect(checkTaxId('eu_vat', 'nl 4495445 b01')).toEqual({ ok: true, value: 'NL004495445B01', country: 'NL' });
  });

  it('pads numbers to the form Stripe expects', () => {
    expect(checkTaxId('eu_vat', 'BE403019261')).toEqual({ ok: true, value: 'BE0403019261', country: 'BE' });
  });

  it('takes Greece under its ISO code but returns the EL prefix', () => {
    expect(checkTaxId('eu_vat', 'GR094259216')).toEqual({ ok: true, value: 'EL094259216', country: 'GR' });
  });

  it('names an unknown or non-EU prefix', () => {
    expectFailure('eu_vat', 'US123', 'US is not an EU VAT country prefix.');
    expectFailure('eu_vat', 'GB980780684', 'GB is not an EU VAT country prefix.');
    expectFailure('eu_vat', 'CHE-123.456.788 MWST', 'CH is not an EU VAT country prefix.');
  });

  it('requires the country prefix', () => {
    expectFailure('eu_vat', '136695976', 'must start with its country prefix');
  });

  it('rejects a number of the wrong length', () => {
    expect(checkTaxId('eu_vat', 'DE12345678')).toEqual({
      ok: false,
      message: 'Enter a valid EU VAT number: a country prefix and number, e.g. DE123456788.',
    });
  });

  it('states the check digit problem and the expected format', () => {
    expect(checkTaxId('eu_vat', 'DE136695978')).toEqual({
      ok: false,
      message: 'The check digit of this EU VAT number does not match. Enter a valid EU VAT number: a country prefix and number, e.g. DE123456788.',
    });
  });
});

describe('checkTaxId non-EU types', () => {
  it('gb_vat', () => {
    expect(checkTaxId('gb_vat', 'GB 980 7806 84')).toEqual({ ok: true, value: 'GB980780684', country: 'GB' });
    expect(checkTaxId('gb_vat', '980780684')).toEqual({ ok: true, value: 'GB980780684', country: 'GB' });
    expectChecksumFailure('gb_vat', 'GB802311781');
    expectFailure('gb_vat', 'GB12345678');
  });

  it('ch_vat', () => {
    const value = { ok: true, value: 'CHE-107.787.577 MWST', country: 'CH' };
    expect(checkTaxId('ch_vat', 'CHE-107.787.577 IVA')).toEqual(value);
    expect(checkTaxId('ch_vat', 'che 107 787 577 tva')).toEqual(value);
    expect(checkTaxId('ch_vat', 'CHE107787577')).toEqual(value);
    expect(checkTaxId('ch_vat', 'CHE-123.456.788 MWST')).toEqual({ ok: true, value: 'CHE-123.456.788 MWST', country: 'CH' });
    expectChecksumFailure('ch_vat', 'CHE-107.787.578 MWST');
    expectFailure('ch_vat', 'CHE-107.787.577 VAT');
    expectFailure('ch_vat', '107787577');
  });

  it('no_vat', () => {
    expect(checkTaxId('no_vat', 'NO 995 525 828 MVA')).toEqual({ ok: true, value: '995525828MVA', country: 'NO' });
    expect(checkTaxId('no_vat', '995 525 828')).toEqual({ ok: true, value: '995525828MVA', country: 'NO' });
    expectChecksumFailure('no_vat', '995525829MVA');
    expectFailure('no_vat', '99552582MVA');
  });

  it('au_abn', () => {
    expect(checkTaxId('au_abn', '83 914 571 673')).toEqual({ ok: true, value: '83914571673', country: 'AU' });
    expectChecksumFailure('au_abn', '99 999 999 999');
    expectFailure('au_abn', '12345678');
  });

  it('ca_gst_hst', () => {
    expect(checkTaxId('ca_gst_hst', '754039725 rt 0001')).toEqual({ ok: true, value: '754039725RT0001', country: 'CA' });
    expect(checkTaxId('ca_gst_hst', '807138417-RT-0001')).toEqual({ ok: true, value: '807138417RT0001', country: 'CA' });
    expectChecksumFailure('ca_gst_hst', '754039729RT0001');
    expectFailure('ca_gst_hst', '123026635RC0001', 'The program identifier must be RT.');
    expectFailure('ca_gst_hst', '754039725');
  });

  it('us_ein', () => {
    expect(checkTaxId('us_ein', '536904399')).toEqual({ ok: true, value: '53-6904399', country: 'US' });
    expect(checkTaxId('us_ein', ' 12-3456789 ')).toEqual({ ok: true, value: '12-3456789', country: 'US' });
    // EINs carry no check digit; stdnum checks the IRS campus prefix instead.
    expectFailure('us_ein', '00-3456789');
    expectFailure('us_ein', '12-345678');
  });

  it('in_gst', () => {
    expect(checkTaxId('in_gst', '27aapfu0939f1zv')).toEqual({ ok: true, value: '27AAPFU0939F1ZV', country: 'IN' });
    expect(checkTaxId('in_gst', '29AAGCB7383J1Z4')).toEqual({ ok: true, value: '29AAGCB7383J1Z4', country: 'IN' });
    expectChecksumFailure('in_gst', '27AAPFU0939F1Z0');
    expectFailure('in_gst', '27AAPFU0939F1Z');
  });
});

describe('checkTaxId messages', () => {
  it.each(taxIdTypes)('rejects empty %s input, stating the expected format', (type) => {
    expectFailure(type, '');
    expectFailure(type, '   ');
  });

  it.each(taxIdTypes)('states the expected %s format for garbage input', (type) => {
    expectFailure(type, 'not a tax id');
  });

  it.each(taxIdTypes)('gives a %s example that passes its own check, check digit included', (type) => {
    const example = taxIdExamples[type].split('e.g. ')[1] ?? '';
    expect(checkTaxId(type, example)).toMatchObject({ ok: true });
  });
});
