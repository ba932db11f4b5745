import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rules of eslint.config.mjs that keep the architecture, run on small fixtures placed (virtually)
// where the rule applies: each must fire where it should and stay quiet where it should.

const eslint = new ESLint({ cwd: process.cwd() });
const guarding = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function complaints(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId !== null && guarding.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const appFile = 'src/app/account/fixture/page.tsx';

describe('app/ decides nothing by role itself', () => {
  it.each([
    ["import { can } from '@config/permissions';", 'can'],
    ["import { canManageKey, assignableRoles } from '@config/permissions';", 'the target rules'],
    ["import { permissions } from '@config/permissions';", 'the matrix'],
    ["import { can } from '../../../../config/permissions';", 'a relative path'],
    ["import { permits } from '@/platform/actions/authorize';", 'the pipeline’s own check'],
  ])('%s is refused (%s)', async (code) => {
    const found = await complaints(appFile, `${code}\nexport default function Page() { return null; }\n`);
    expect(found).not.toEqual([]);
    for (const complaint of found) expect(complaint).toMatch(/^no-restricted-imports: .*executeQuery/);
  });

  it('the role lists and types stay importable', async () => {
    const code = "import { roles, type Role } from '@config/permissions';\nexport const all: readonly Role[] = roles;\n";
    expect(await complaints(appFile, code)).toEqual([]);
  });

  it('a query, or a module’s schema, under the same rule: the query passes, the schema does not', async () => {
    expect(await complaints(appFile, "import { teamQuery } from '@/modules/team/queries';\nexport const q = teamQuery;\n")).toEqual([]);
    expect(await complaints(appFile, "import { invitation } from '@/modules/team/schema';\nexport const t = invitation;\n")).toEqual([expect.stringContaining('never a schema')]);
  });
});

describe('a module reaches another only through its service.ts', () => {
  const moduleFile = 'src/modules/billing/fixture.ts';

  it.each(["import { invoice } from '@/modules/invoices/schema';", "import { invoice } from '../invoices/schema';", "import { getInvoice } from '@/modules/invoices/read';"])('%s is refused', async (code) => {
    expect(await complaints(moduleFile, `${code}\nexport const x = ${code.match(/\{ (\w+) \}/)![1]};\n`)).toEqual([expect.stringContaining('only through its service.ts')]);
  });

  it('its service, and its own files, are fine', async () => {
    const code = "import { listInvoices } from '@/modules/invoices/service';\nimport { billingProfile } from './schema';\nexport const x = [listInvoices, billingProfile];\n";
    expect(await complaints(moduleFile, code)).toEqual([]);
  });

  it('a test may also read another module’s tables', async () => {
    expect(await complaints('src/modules/billing/fixture.test.ts', "import { invoice } from '@/modules/invoices/schema';\nexport const x = invoice;\n")).toEqual([]);
    expect(await complaints('src/modules/billing/fixture.test.ts', "import { getInvoice } from '@/modules/invoices/read';\nexport const x = getInvoice;\n")).toHaveLength(1);
  });
});

describe('one date formatter', () => {
  it.each([
    "export const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());",
    "export const when = Intl.DateTimeFormat('en').format(new Date());",
    "export const when = new Date().toLocaleDateString('en-GB');",
    "export const when = new Date().toLocaleTimeString();",
  ])('a screen that formats a date itself is refused: %s', async (code) => {
    expect(await complaints('src/app/account/fixture/when.tsx', code)).toEqual([expect.stringContaining('src/ui/date.ts')]);
    expect(await complaints('src/modules/invoices/fixture.ts', code)).toHaveLength(1);
  });

  it('the formatter itself may', async () => {
    expect(await complaints('src/ui/date.ts', "export const when = new Intl.DateTimeFormat('en').format(new Date());")).toEqual([]);
  });
});
