import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/e2e-env';
import { latestMail, linkIn } from '../support/e2e-mail';
import { signIn, signUpAndVerify, uniqueEmail, urlOf } from '../support/e2e-journeys';

function row(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

test('an owner invites a teammate, who joins from the mail, then changes their role and removes them', async ({ page, browser }) => {
  const owner = await signUpAndVerify(page, 'team-owner');
  const inviteeEmail = uniqueEmail('invitee');

  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await page.getByLabel('Email').fill(inviteeEmail);
  await page.getByLabel('Role').selectOption('member');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();
  await expect(row(page, inviteeEmail)).toContainText('member');

  // The invitee, in their own browser, follows the link in the mail and creates an account.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const invitation = await latestMail(inviteeEmail, `invited you to join ${owner.organization}`);
  await invitee.goto(linkIn(invitation, '/invitations/accept'));
  await expect(invitee.getByText(`You have been invited to join ${owner.organization} as member.`)).toBeVisible();
  await invitee.getByRole('link', { name: 'Create an account' }).click();
  await expect(invitee.getByLabel('Work email')).toHaveValue(inviteeEmail);
  await expect(invitee.getByLabel('Organization')).toHaveCount(0);
  await invitee.getByLabel('Your name').fill('Ian Invitee');
  await invitee.getByLabel('Password', { exact: true }).fill('invitee-password-123');
  await invitee.getByRole('button', { name: 'Create account' }).click();
  await expect(invitee).toHaveURL(/\/check-email\?/);
  const verification = await latestMail(inviteeEmail, 'Verify your email address');
  await invitee.goto(linkIn(verification, '/api/auth/verify-email'));
  await expect(invitee).toHaveURL(/\/invitations\/accept\?token=/);
  await invitee.getByRole('button', { name: `Join ${owner.organization}` }).click();
  await expect(invitee).toHaveURL(/\/account\?notice=joined$/);
  await expect(invitee.getByRole('link', { name: owner.organization })).toBeVisible();

  // The same link cannot be used twice.
  await invitee.goto(linkIn(invitation, '/invitations/accept'));
  await expect(invitee.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();

  // The owner sees the new member, changes the role, then removes them.
  await page.reload();
  await expect(row(page, inviteeEmail)).toContainText('Ian Invitee');
  await page.getByLabel('Role of Ian Invitee').selectOption('viewer');
  await expect(page.getByText('Ian Invitee is now viewer.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Role of Ian Invitee')).toHaveValue('viewer');

  await page.getByRole('button', { name: 'Remove Ian Invitee' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Ian Invitee?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Ian Invitee was removed from the organization.')).toBeVisible();
  await expect(row(page, inviteeEmail)).toHaveCount(0);

  // The removed browser loses access at once, without waiting for its cookie to expire.
  await invitee.goto('/account/team');
  await expect(invitee).toHaveURL(urlOf('/no-organization'));
  const me = await invitee.request.get('/api/account/me');
  expect(me.status()).toBe(401);
  await inviteeContext.close();
});

test('a refused role change rolls back on the page and says why', async ({ page, browser }) => {
  // The admin's page goes stale: meanwhile the owner demotes them to member.
  await signIn(page, 'admin@globex.example', DEMO_PASSWORD, { next: '/account/team' });
  await expect(page).toHaveURL(urlOf('/account/team'));
  const viewerRole = page.getByLabel('Role of Vera Viewer');
  await expect(viewerRole).toHaveValue('viewer');

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, 'owner@globex.example', DEMO_PASSWORD, { next: '/account/team' });
  await owner.getByLabel('Role of Adam Admin').selectOption('member');
  await expect(owner.getByText('Adam Admin is now member.')).toBeVisible();

  await viewerRole.selectOption('billing');
  await expect(page.getByRole('alert').filter({ hasText: 'permission' })).toBeVisible();
  await expect(viewerRole).toHaveValue('viewer');

  // Put the demo tenant back as it was.
  await owner.getByLabel('Role of Adam Admin').selectOption('admin');
  await expect(owner.getByText('Adam Admin is now admin.')).toBeVisible();
  await ownerContext.close();
});

test('at the seat limit, inviting names the plan and links to billing', async ({ page }) => {
  await signIn(page, 'owner@initech.example', DEMO_PASSWORD, { next: '/account/team' });
  await expect(page.getByText('3 of 3 seats used on the Free plan.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All 3 seats of the Free plan are in use.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Upgrade your plan' })).toHaveAttribute('href', '/account/billing');
  await page.getByLabel('Email').fill(uniqueEmail('over-limit'));
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('All 3 seats of the Free plan are in use.').last()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'All 3 seats of the Free plan are in use.' })).toBeVisible();
});

test('transferring ownership needs the organization name typed, and makes the old owner an admin', async ({ page, browser }) => {
  const owner = await signUpAndVerify(page, 'transfer-owner');
  await page.goto('/account/team');
  const heirEmail = uniqueEmail('heir');
  await page.getByLabel('Email').fill(heirEmail);
  await page.getByLabel('Role').selectOption('admin');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${heirEmail}.`)).toBeVisible();

  const heirContext = await browser.newContext();
  const heir = await heirContext.newPage();
  await heir.goto(linkIn(await latestMail(heirEmail, 'invited you to join'), '/invitations/accept'));
  await heir.getByRole('link', { name: 'Create an account' }).click();
  await heir.getByLabel('Your name').fill('Hana Heir');
  await heir.getByLabel('Password', { exact: true }).fill('heir-password-1234');
  await heir.getByRole('button', { name: 'Create account' }).click();
  await heir.goto(linkIn(await latestMail(heirEmail, 'Verify your email address'), '/api/auth/verify-email'));
  await heir.getByRole('button', { name: `Join ${owner.organization}` }).click();
  await expect(heir).toHaveURL(/\/account\?notice=joined$/);

  await page.reload();
  await page.getByLabel('New owner').selectOption({ label: `Hana Heir (${heirEmail})` });
  await page.getByRole('button', { name: 'Transfer ownership' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer ownership?' });
  const confirm = dialog.getByRole('button', { name: 'Transfer ownership' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('not the name');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(owner.organization);
  await confirm.click();
  await expect(page.getByText('Hana Heir now owns the organization. You are an admin.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Transfer ownership' })).toHaveCount(0);
  await expect(row(page, heirEmail)).toContainText('owner');
  await expect(row(page, owner.email)).toContainText('admin');
  await heirContext.close();
});

test('a member sees the team read-only, and the team API refuses their writes and other organizations’ ids', async ({ page, browser }) => {
  await signIn(page, 'member@acme.example', DEMO_PASSWORD, { next: '/account/team' });
  await expect(page).toHaveURL(urlOf('/account/team'));
  await expect(row(page, 'viewer@acme.example')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Invite a teammate' })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Transfer ownership' })).toHaveCount(0);

  const origin = { Origin: new URL(page.url()).origin };
  const team = (await (await page.request.get('/api/account/team')).json()).data as { members: { id: string; email: string }[] };
  const viewer = team.members.find((m) => m.email === 'viewer@acme.example')!;
  const refused = await page.request.patch(`/api/account/team/members/${viewer.id}`, { headers: origin, data: { role: 'billing' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden');
  const invite = await page.request.post('/api/account/team/invitations', { headers: origin, data: { email: uniqueEmail('by-member'), role: 'viewer' } });
  expect(invite.status()).toBe(403);

  // An admin of Acme reaching for a Globex member's id: not found, never forbidden.
  const globexContext = await browser.newContext();
  const globex = await globexContext.newPage();
  await signIn(globex, 'owner@globex.example', DEMO_PASSWORD);
  await expect(globex).toHaveURL(urlOf('/account'));
  const globexTeam = (await (await globex.request.get('/api/account/team')).json()).data as { members: { id: string; email: string }[] };
  const globexViewer = globexTeam.members.find((m) => m.email === 'viewer@globex.example')!;
  await globexContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@acme.example', DEMO_PASSWORD);
  await expect(admin).toHaveURL(urlOf('/account'));
  for (const response of [
    await admin.request.delete(`/api/account/team/members/${globexViewer.id}`, { headers: origin }),
    await admin.request.patch(`/api/account/team/members/${globexViewer.id}`, { headers: origin, data: { role: 'member' } }),
  ]) {
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  }
  const bad = await admin.request.patch(`/api/account/team/members/${viewer.id}`, { headers: origin, data: { role: 'emperor' } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields.role).toBeTruthy();
  await adminContext.close();
});
