// Better Auth's tables (core + two-factor plugin), written by hand from better-auth 1.7.7's schema:
// its CLI needs Node 22, so the generated shape is committed here instead. The customers' and the
// staff's Better Auth instances each get a set of their own, told apart by the table name prefix.
import { boolean, index, integer, pgTable, text, timestamp, type ExtraConfigColumn, type PgColumnBuilderBase, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';

type Columns = Record<string, PgColumnBuilderBase>;

const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** `userIndexes`: the user table's own further indexes (by its email column). */
export function betterAuthTables<P extends string, U extends Columns, S extends Columns>(
  prefix: P,
  userColumns: U,
  sessionColumns: S,
  userIndexes: (email: ExtraConfigColumn) => PgTableExtraConfigValue[] = () => [],
) {
  const user = pgTable(
    `${prefix}user`,
    {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      email: text('email').notNull().unique(),
      emailVerified: boolean('email_verified').notNull().default(false),
      image: text('image'),
      twoFactorEnabled: boolean('two_factor_enabled').default(false),
      ...userColumns,
      ...timestamps(),
    },
    (t) => userIndexes(t.email),
  );

  const session = pgTable(
    `${prefix}session`,
    {
      id: text('id').primaryKey(),
      token: text('token').notNull().unique(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      ipAddress: text('ip_address'),
      userAgent: text('user_agent'),
      userId: text('user_id')
        .notNull()
        .references(() => user.id, { onDelete: 'cascade' }),
      ...sessionColumns,
      ...timestamps(),
    },
    (t) => [index(`${prefix}session_user_idx`).on(t.userId)],
  );

  const account = pgTable(
    `${prefix}account`,
    {
      id: text('id').primaryKey(),
      accountId: text('account_id').notNull(),
      providerId: text('provider_id').notNull(),
      userId: text('user_id')
        .notNull()
        .references(() => user.id, { onDelete: 'cascade' }),
      accessToken: text('access_token'),
      refreshToken: text('refresh_token'),
      idToken: text('id_token'),
      accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
      refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
      scope: text('scope'),
      password: text('password'),
      ...timestamps(),
    },
    (t) => [index(`${prefix}account_user_idx`).on(t.userId)],
  );

  const verification = pgTable(
    `${prefix}verification`,
    {
      id: text('id').primaryKey(),
      identifier: text('identifier').notNull(),
      value: text('value').notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      ...timestamps(),
    },
    (t) => [index(`${prefix}verification_identifier_idx`).on(t.identifier)],
  );

  const twoFactor = pgTable(
    `${prefix}two_factor`,
    {
      id: text('id').primaryKey(),
      secret: text('secret').notNull(),
      backupCodes: text('backup_codes').notNull(),
      userId: text('user_id')
        .notNull()
        .references(() => user.id, { onDelete: 'cascade' }),
      verified: boolean('verified').default(true),
      failedVerificationCount: integer('failed_verification_count').default(0),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [index(`${prefix}two_factor_user_idx`).on(t.userId), index(`${prefix}two_factor_secret_idx`).on(t.secret)],
  );

  return { user, session, account, verification, twoFactor };
}
