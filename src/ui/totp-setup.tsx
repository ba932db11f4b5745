export type TotpEnrolment = { totpURI: string; backupCodes: string[] };

function secretOf(uri: string): string {
  return new URL(uri).searchParams.get('secret') ?? '';
}

/** What an authenticator app needs, and the backup codes: shown once, while two-factor is being set up. */
export function TotpSetup({ enrolment }: { enrolment: TotpEnrolment }) {
  return (
    <>
      <p>Add this key to your authenticator app (Google Authenticator, 1Password, Authy…), then enter the code it shows.</p>
      <p>
        Setup key: <code className="mono" data-testid="totp-secret">{secretOf(enrolment.totpURI)}</code>
      </p>
      <p className="small muted">
        Or open <a href={enrolment.totpURI}>this link</a> on a device with an authenticator app.
      </p>
      <div className="banner banner-warning stack-sm">
        <strong>Save your backup codes now.</strong> Each signs you in once if you lose your device. They are not shown again.
        <ul className="mono backup-codes" aria-label="Backup codes">
          {enrolment.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
