import { euVat, stdnum } from 'stdnum';
import type { Validator } from 'stdnum';

export const taxIdTypes = ['eu_vat', 'gb_vat', 'ch_vat', 'no_vat', 'au_abn', 'ca_gst_hst', 'us_ein', 'in_gst'] as const;
export type TaxIdType = (typeof taxIdTypes)[number];

/** Human-readable expected format per type, used in error messages and as input hints. */
export const taxIdExamples: Record<TaxIdType, string> = {
  eu_vat: 'a country prefix and number, e.g. DE123456788',
  gb_vat: 'GB and 9 digits, e.g. GB980780684',
  ch_vat: 'CHE, 9 digits and MWST, e.g. CHE-123.456.788 MWST',
  no_vat: '9 digits and MVA, e.g. 123456785MVA',
  au_abn: '11 digits, e.g. 51824753556',
  ca_gst_hst: '9 digits, RT and 4 digits, e.g. 123456782RT0001',
  us_ein: '9 digits, e.g. 12-3456789',
  in_gst: '15 characters, e.g. 27AAPFU0939F1ZV',
};

export const taxIdLabels: Record<TaxIdType, string> = {
  eu_vat: 'EU VAT number',
  gb_vat: 'UK VAT number',
  ch_vat: 'Swiss VAT (UID MWST)',
  no_vat: 'Norwegian VAT (MVA)',
  au_abn: 'Australian ABN',
  ca_gst_hst: 'Canadian GST/HST number',
  us_ein: 'US EIN',
  in_gst: 'Indian GSTIN',
};

export type TaxIdCheck = { ok: true; value: string; country: string } | { ok: false; message: string };

type Validation = ReturnType<Validator['validate']>;
type Parsed = { result: Validation; country: string; value: (compact: string) => string };

// stdnum types its tables as plain records; resolve each validator once so a missing one fails at load.
function required(found: Validator | undefined, name: string): Validator {
  if (!found) throw new Error(`stdnum has no ${name} validator`);
  return found;
}
const gbVat = required(stdnum.GB?.vat, 'GB.vat');
const chUid = required(stdnum.CH?.uid, 'CH.uid');
const noMva = required(stdnum.NO?.mva, 'NO.mva');
const auAbn = required(stdnum.AU?.abn, 'AU.abn');
const caGst = required(stdnum.CA?.gst, 'CA.gst');
const usEin = required(stdnum.US?.ein, 'US.ein');
const inGstin = required(stdnum.IN?.gstin, 'IN.gstin');

// stdnum's euVat also lists Andorra and Switzerland, so the member states are spelled out here.
const euMemberStates = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
// VAT prefix → ISO country and validator. Greece's VAT prefix is EL; XI is a UK VAT number registered in Northern Ireland.
const euVatPrefixes = new Map<string, { country: string; validator: Validator }>([
  ...euMemberStates.map((country) => {
    const entry = { country, validator: required(euVat[country]?.[0], `euVat.${country}`) };
    return [country === 'GR' ? 'EL' : country, entry] as const;
  }),
  ['XI', { country: 'GB', validator: gbVat }],
]);

const chVatSuffix = /(MWST|TVA|IVA|TPV)$/;

function parseEuVat(id: string): Parsed | string {
  const given = id.slice(0, 2);
  // GR is Greece's ISO code, and people type it; the VAT prefix is EL.
  const prefix = given === 'GR' ? 'EL' : given;
  const entry = euVatPrefixes.get(prefix);
  if (!entry) return /^[A-Z]{2}$/.test(given) ? `${given} is not an EU VAT country prefix.` : 'The number must start with its country prefix.';
  return { result: entry.validator.validate(id.slice(2)), country: entry.country, value: (compact) => prefix + compact };
}

function parse(type: TaxIdType, id: string): Parsed | string {
  switch (type) {
    case 'eu_vat':
      return parseEuVat(id);
    case 'gb_vat':
      return { result: gbVat.validate(id), country: 'GB', value: (compact) => `GB${compact}` };
    case 'ch_vat':
      // The suffix only names the language (German, French, Italian, Romansh); Stripe wants MWST.
      return { result: chUid.validate(id.replace(chVatSuffix, '')), country: 'CH', value: (compact) => `${chUid.format(compact)} MWST` };
    case 'no_vat':
      return { result: noMva.validate(id.endsWith('MVA') ? id : `${id}MVA`), country: 'NO', value: (compact) => compact };
    case 'au_abn':
      return { result: auAbn.validate(id), country: 'AU', value: (compact) => compact };
    case 'ca_gst_hst': {
      const result = caGst.validate(id);
      // stdnum accepts any CRA program account (RC, RM, RP, RT); GST/HST is the RT account.
      if (result.isValid && result.compact.slice(9, 11) !== 'RT') return 'The program identifier must be RT.';
      return { result, country: 'CA', value: (compact) => compact };
    }
    case 'us_ein':
      return { result: usEin.validate(id), country: 'US', value: (compact) => usEin.format(compact) };
    case 'in_gst':
      return { result: inGstin.validate(id), country: 'IN', value: (compact) => compact };
  }
}

/** Normalises (trim, upper-case, strip spaces/dots/dashes where the format allows) and validates. */
export function checkTaxId(type: TaxIdType, raw: string): TaxIdCheck {
  const expected = `Enter a valid ${taxIdLabels[type]}: ${taxIdExamples[type]}.`;
  // None of the supported formats keeps spaces, dots or dashes in Stripe's form; CH and US EIN are re-punctuated.
  const id = raw.trim().toUpperCase().replace(/[\s.\-\u2010-\u2015\u2212]/g, '');
  if (!id) return { ok: false, message: expected };

  const parsed = parse(type, id);
  if (typeof parsed === 'string') return { ok: false, message: `${parsed} ${expected}` };
  const { result } = parsed;
  if (!result.isValid) {
    // stdnum does not export its error classes from the package root, so match on the name.
    const problem = result.error.name === 'InvalidChecksum' ? `The check digit of this ${taxIdLabels[type]} does not match. ` : '';
    return { ok: false, message: problem + expected };
  }
  return { ok: true, value: parsed.value(result.compact), country: parsed.country };
}
