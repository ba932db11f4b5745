// The frame around every /account page (and, with its navigation's name, every /admin page) as a page
// object: the skip link, the section navigation (behind a Menu button on a narrow screen) and the main region.
import { expect, type Locator, type Page } from '@playwright/test';
import { urlOf } from './e2e-journeys';

export class AccountShell {
  readonly skipLink: Locator;
  readonly navigation: Locator;
  readonly menuButton: Locator;
  readonly main: Locator;

  constructor(
    readonly page: Page,
    navigationName: 'Account' | 'Console' = 'Account',
  ) {
    this.skipLink = page.getByRole('link', { name: 'Skip to content' });
    this.navigation = page.getByRole('navigation', { name: navigationName });
    this.menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    this.main = page.getByRole('main');
  }

  sectionLink(label: string): Locator {
    return this.navigation.getByRole('link', { name: label, exact: true });
  }

  /** Shows the section links; on a narrow screen they sit behind the Menu button. */
  async openNavigation(): Promise<void> {
    if ((await this.menuButton.isVisible()) && (await this.menuButton.getAttribute('aria-expanded')) !== 'true') {
      await this.menuButton.click();
      await expect(this.menuButton).toHaveAttribute('aria-expanded', 'true');
    }
    await expect(this.navigation).toBeVisible();
  }

  async goTo(label: string, path: string): Promise<void> {
    await this.openNavigation();
    await this.sectionLink(label).click();
    await expect(this.page).toHaveURL(urlOf(path));
  }
}

/**
 * What scrolls sideways on the page: the page itself, or any element that scrolls (overflow-x auto
 * or scroll) with content wider than its box. Empty when nothing does.
 */
export function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`the page (${root.scrollWidth} px wide in a ${window.innerWidth} px window)`);
    for (const element of document.body.querySelectorAll('*')) {
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth) {
        found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> (${element.scrollWidth} px of content in ${element.clientWidth} px)`);
      }
    }
    return found;
  });
}

/** The element is shown and lies wholly within the window's width, with nothing scrolled sideways. */
export async function expectWithinWidth(page: Page, element: Locator): Promise<void> {
  await expect(element).toBeVisible();
  const box = await element.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, 'laid out').not.toBeNull();
  expect(box!.x, `${element} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${element} ends inside the ${width} px window`).toBeLessThanOrEqual(width);
}
