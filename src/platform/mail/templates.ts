import { renderMail } from './layout';

export type MailTemplate = { subject: string; html: string; text: string };

function greeting(name: string): string {
  const trimmed = name.trim();
  return trimmed ? `Hi ${trimmed},` : 'Hi,';
}

export function verifyEmailMail({ name, url }: { name: string; url: string }): MailTemplate {
  return {
    subject: 'Verify your email address',
    ...renderMail({
      preheader: 'Confirm your email address to finish setting up your account.',
      heading: 'Verify your email address',
      paragraphs: [greeting(name), 'Please confirm that this is your email address to finish setting up your account.'],
      action: { label: 'Verify email address', url },
      footer: 'If you did not create an account, you can ignore this email.',
    }),
  };
}

export function resetPasswordMail({ name, url }: { name: string; url: string }): MailTemplate {
  return {
    subject: 'Reset your password',
    ...renderMail({
      preheader: 'Use this link to choose a new password.',
      heading: 'Reset your password',
      paragraphs: [greeting(name), 'We received a request to reset the password for your account. Use the button below to choose a new one.'],
      action: { label: 'Reset password', url },
      footer: 'If you did not ask for a password reset, you can ignore this email; your password stays unchanged.',
    }),
  };
}

/** Sent to the new address, so only someone who controls it can complete the change. */
export function changeEmailMail({ name, newEmail, url }: { name: string; newEmail: string; url: string }): MailTemplate {
  return {
    subject: 'Confirm your new email address',
    ...renderMail({
      preheader: `Confirm ${newEmail} as your new sign-in address.`,
      heading: 'Confirm your new email address',
      paragraphs: [
        greeting(name),
        `You asked to change the email address of your account to ${newEmail}. Confirm the change to start using this address to sign in.`,
      ],
      action: { label: 'Confirm new email address', url },
      footer: 'If you did not request this change, you can ignore this email; your account keeps its current address.',
    }),
  };
}

/** Sent once per lockout, to the account's own address: the person who tried learns nothing from it. */
export function signInLockedMail({ name, minutes, resetUrl }: { name: string; minutes: number; resetUrl: string }): MailTemplate {
  return {
    subject: 'Sign-in to your account is paused',
    ...renderMail({
      preheader: `After several wrong passwords, sign-in is paused for ${minutes} minutes.`,
      heading: 'Sign-in is paused',
      paragraphs: [
        greeting(name),
        `Someone entered a wrong password for your account several times, so signing in with a password is paused for ${minutes} minutes.`,
        'If that was you, wait and try again. If it was not, your password is still safe, but consider choosing a new one.',
      ],
      action: { label: 'Choose a new password', url: resetUrl },
      footer: 'You receive this email because the sign-in attempts named your address.',
    }),
  };
}
