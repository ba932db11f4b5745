/**
 * The writes that rightly do not go through `executeAction`, each with why. Every other write runs in
 * an action's transaction (a handle named `tx`), audited; `outside-pipeline.test.ts` scans src/ and
 * fails on a write that is neither. Not listed because not ours: Better Auth writes its own tables
 * (sign-up, sign-in, sign-out, verification and reset tokens); our changes to them (password,
 * two-factor, sessions) are actions that call Better Auth in `prepare`, audited even when their
 * transaction then fails (`outsideChange`). The rate limiters count in
 * memory or Redis, not in the database.
 */
export const writesOutsideThePipeline = [
  {
    file: 'src/modules/stripe-sync/inbox.ts',
    what: 'The Stripe webhook inbox: each verified event stored, claimed, and marked processed, ignored or failed.',
    why: 'Bookkeeping of deliveries around the change, not the change: what an event changes runs as the audited action system.sync_stripe. A failure must be recorded (to retry it) exactly when that action rolled back.',
  },
  {
    file: 'src/modules/api-keys/last-used.ts',
    what: 'The last-used time of API keys, flushed in batches.',
    why: 'Bookkeeping of use, not a change anyone makes: verify must not write on its hot path, and an audit row per use would drown the log.',
  },
  {
    file: 'src/platform/auth/session.ts',
    what: 'Session touch: a session’s last-seen time and its member’s last-active time, at most once a minute.',
    why: 'A side effect of reading a page, which is nobody’s change; the sessions list and the team page show it.',
  },
  {
    file: 'src/platform/auth/handoff-redeem.ts',
    what: 'Redeeming a single-use handoff link: marked used in the statement that checks it.',
    why: 'Runs inside Better Auth’s endpoint, which then creates the session; making the link was audited (host.create_portal_session), and a racing second click must lose in one statement.',
  },
  {
    file: 'src/platform/jobs/deliver.ts',
    what: 'The record of each delivery attempt: status, attempts, last response, next attempt.',
    why: 'Bookkeeping of a delivery after the change: the change and its event were audited when the action committed; an attempt is nobody’s change.',
  },
  {
    file: 'src/platform/actions/outside-change.ts',
    what: 'The audit row of an outside change (Stripe, Better Auth) made in an action’s `prepare` whose transaction then failed.',
    why: 'That transaction, and the audit row in it, rolled back while the change outside stands: only a write of its own can record it.',
  },
  {
    file: 'src/modules/team/invitation-mail.ts',
    what: 'The invitation’s link, issued when its mail goes out: a fresh token whose hash replaces the invitation’s.',
    why: 'The delivery of an audited change (team.invite, team.resend_invitation): the token must exist only in the mail, never in the outbox whose payloads reach the host’s webhooks, so it is made where the mail is.',
  },
  {
    file: 'src/modules/webhooks/failures.ts',
    what: 'Since when a webhook endpoint has been failing: set by a failed delivery, cleared by a successful one.',
    why: 'Bookkeeping of deliveries, like their attempts: nobody’s change. What it leads to, disabling the endpoint after 5 days, is the audited action system.disable_webhook_endpoint.',
  },
  {
    file: 'src/modules/notifications/in-app.ts',
    what: 'The in-app channel’s delivery: one notification row per (event, person), written by the delivery job.',
    why: 'The delivery of an event after the change: the change and its event were audited when the action committed; a person reading or muting their notifications goes through actions.',
  },
  {
    file: 'src/modules/support/suggestions/attempts.ts',
    what: 'A contact-form visit: its attempt row created on the first suggestion call, and what each later call showed.',
    why: 'Bookkeeping of a read, once per debounced keystroke: an audit row each would drown the log. The outcomes (left for a suggestion, “did it solve it?”, a ticket sent) are audited actions.',
  },
  {
    file: 'src/modules/inbox-audit/import.ts',
    what: 'An inbox audit’s import: the tickets read from the uploaded export, in batches, and the run’s progress, counts and end.',
    why: 'The work of an audited action (staff.inbox_audits.import created the run) done after it committed, in the background: a transaction around the whole file would hold a lock for minutes and show no progress.',
  },
  {
    file: 'src/modules/inbox-audit/runner.ts',
    what: 'An import whose process stopped beating is marked failed at start.',
    why: 'Bookkeeping of a run that died with its server: nobody’s change, and the audited upload that started it is what the log keeps.',
  },
] as const;
