import { and, desc, eq, max, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { staffUser } from '@/platform/auth/staff-schema';
import type { Db } from '@/platform/db/types';
import { inboxAudits, scopeDocuments, type ScopeContent } from '../schema';

/** A signed version is read-only; of the unsigned ones only the latest is a draft, the others superseded. */
export type ScopeState = 'draft' | 'signed' | 'superseded';

type Person = { id: string; name: string } | null;

export type ScopeVersion = {
  version: number;
  state: ScopeState;
  audit: { id: string; label: string } | null;
  content: ScopeContent;
  createdBy: Person;
  createdAt: Date;
  signedBy: Person;
  signedAt: Date | null;
};

export type ScopeVersionSummary = Omit<ScopeVersion, 'content'>;

const creator = alias(staffUser, 'scope_creator');
const signer = alias(staffUser, 'scope_signer');

const person = (id: string | null, name: string | null): Person => (id === null ? null : { id, name: name ?? '' });

async function versionsWhere(db: Db, where?: SQL): Promise<ScopeVersion[]> {
  const [rows, latest] = await Promise.all([
    db
      .select({
        version: scopeDocuments.version,
        auditId: inboxAudits.id,
        auditLabel: inboxAudits.label,
        content: scopeDocuments.content,
        createdAt: scopeDocuments.createdAt,
        signedAt: scopeDocuments.signedAt,
        creatorId: creator.id,
        creatorName: creator.name,
        signerId: signer.id,
        signerName: signer.name,
      })
      .from(scopeDocuments)
      .leftJoin(inboxAudits, eq(inboxAudits.id, scopeDocuments.auditId))
      .leftJoin(creator, eq(creator.id, scopeDocuments.createdByStaffId))
      .leftJoin(signer, eq(signer.id, scopeDocuments.signedByStaffId))
      .where(where)
      .orderBy(desc(scopeDocuments.version)),
    latestVersion(db),
  ]);
  return rows.map((row) => ({
    version: row.version,
    state: row.signedAt ? 'signed' : row.version === latest ? 'draft' : 'superseded',
    audit: row.auditId === null ? null : { id: row.auditId, label: row.auditLabel ?? '' },
    content: row.content,
    createdBy: person(row.creatorId, row.creatorName),
    createdAt: row.createdAt,
    signedBy: person(row.signerId, row.signerName),
    signedAt: row.signedAt,
  }));
}

/** Every version, newest first. */
export function allVersions(db: Db): Promise<ScopeVersion[]> {
  return versionsWhere(db);
}

export async function findVersion(db: Db, version: number): Promise<ScopeVersion | null> {
  return (await versionsWhere(db, eq(scopeDocuments.version, version)))[0] ?? null;
}

/** The highest version number so far; 0 before the first draft. */
export async function latestVersion(db: Db): Promise<number> {
  const [row] = await db.select({ latest: max(scopeDocuments.version) }).from(scopeDocuments);
  return row?.latest ?? 0;
}

/** The row behind a version, for the writes. */
export async function versionRow(db: Db, version: number) {
  const [row] = await db.select().from(scopeDocuments).where(eq(scopeDocuments.version, version));
  return row ?? null;
}

export type ReadyAudit = { id: string; label: string; imported: number; from: Date | null; to: Date | null; finishedAt: Date | null };

/** The audits a scope can be proposed from: those whose import finished, newest first. */
export function readyAudits(db: Db, id?: string): Promise<ReadyAudit[]> {
  return db
    .select({ id: inboxAudits.id, label: inboxAudits.label, imported: inboxAudits.imported, from: inboxAudits.from, to: inboxAudits.to, finishedAt: inboxAudits.finishedAt })
    .from(inboxAudits)
    .where(and(eq(inboxAudits.status, 'ready'), id === undefined ? undefined : eq(inboxAudits.id, id)))
    .orderBy(desc(inboxAudits.createdAt));
}
