import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeflectionFigures } from '../figures';
import { launchMarker, WeeklyChart } from './weekly-chart';

// Where the chart marks a screen's launch among the weeks of the range.

const weekly = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'].map((day, i) => ({ start: `${day}T00:00:00.000Z`, tickets: i, ticketsPerWeek: null }));
const figures = (launchedAt: string | null) => ({ category: 'card', label: 'Payment card', launchedAt, weekly }) as DeflectionFigures;

describe('the launch on the weekly chart', () => {
  it('falls in the week holding it, as far in as the days say', () => {
    // 4 Feb 12:00 is 2.5 days into the week of 2 Feb.
    const marker = launchMarker(figures('2026-02-04T12:00:00.000Z'))!;
    expect(marker).toMatchObject({ key: '2026-02-02T00:00:00.000Z', label: 'Launch 4 Feb 2026' });
    expect(marker.at).toBeCloseTo(2.5 / 7, 12);
    expect(launchMarker(figures('2026-01-05T00:00:00.000Z'))).toMatchObject({ key: '2026-01-05T00:00:00.000Z', at: 0 });
  });

  it('is left out without a launch, or with one outside the weeks shown', () => {
    for (const launchedAt of [null, '2025-12-01T00:00:00.000Z', '2026-02-16T00:00:00.000Z']) expect(launchMarker(figures(launchedAt))).toBeUndefined();
  });

  it('is drawn as a dashed line and named in the chart’s label', () => {
    const html = renderToStaticMarkup(createElement(WeeklyChart, { figures: figures('2026-02-04T12:00:00.000Z') }));
    expect(html).toContain('stroke-dasharray="4 3"');
    expect(html).toContain('aria-label="Tickets per week: Payment card. Maximum 5. Launch 4 Feb 2026."');
    expect(renderToStaticMarkup(createElement(WeeklyChart, { figures: figures(null) }))).not.toContain('stroke-dasharray');
  });
});
