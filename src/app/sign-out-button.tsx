import { Button } from '@/ui/button';
import { signOutAction } from './sign-out-action';

/** Signs out of the portal, or with `action`, of the staff console. */
export function SignOutButton({ action = signOutAction }: { action?: () => Promise<void> }) {
  return (
    <form action={action}>
      <Button type="submit" variant="secondary">
        Sign out
      </Button>
    </form>
  );
}
