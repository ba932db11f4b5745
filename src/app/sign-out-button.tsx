import { Button } from '@/ui/button';
import { signOutAction } from './sign-out-action';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="secondary">
        Sign out
      </Button>
    </form>
  );
}
