import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/browser';
import type { Figure } from './figure';
import { atMost, info, judged } from './figure';
import type { PreviewConfig } from './preview-server';
import { startPreview } from './preview-server';
import type { Progress } from './progress';
import { postJson, poll } from './mock-http';
import { percentile, round } from './stats';

export interface LatencyOptions {
  /** Notifications per second the mock publishes. */
  readonly rate: number;
  readonly interactions: number;
  readonly seconds: number;
}

export const LATENCY_FULL: LatencyOptions = { rate: 200, interactions: 200, seconds: 30 };
export const LATENCY_QUICK: LatencyOptions = { rate: 200, interactions: 200, seconds: 3 };

/** Which built page to measure. */
export interface PageUnderTest {
  /** Benchmark name in the table. */
  readonly name: string;
  readonly outDir: string;
  readonly config: PreviewConfig;
  /** Path of the page on the preview server. */
  readonly path: string;
  /** What the page is, for the notes. */
  readonly description: string;
}
const PROBE = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');
/** How long to wait, after the mock sent the last notification, for it to show. */
const DRAIN_MS = 10_000;

type Commit = readonly [frame: number, reRendered: number, mounted: number, changed: number, at: number];

/** What page-probe.js collected (see there). */
interface ProbeData {
  readonly frame: number;
  readonly samples: readonly (readonly [seq: number, latencyMs: number, first: 0 | 1])[];
  readonly arrivals: readonly number[];
  readonly commits: readonly Commit[];
  readonly wastedRenders: number;
  readonly maxSeq: number;
  readonly errors: readonly string[];
}

interface Window {
  readonly startFrame: number;
  readonly startedAt: number;
  readonly endFrame: number;
  readonly endedAt: number;
}

async function burstView(origin: string): Promise<{ running: boolean; sent: number; total: number }> {
  const response = await fetch(`${origin}/mock/state`);
  const state = (await response.json()) as { burst: { running: boolean; sent: number; total: number } };
  return state.burst;
}

function readProbe(page: Page): Promise<ProbeData> {
  return page.evaluate(() => (window as unknown as { __omBench: ProbeData }).__omBench);
}

/** Forget what the page did while loading: only the burst counts. */
function resetProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __omBench: { commits: unknown[]; samples: unknown[]; arrivals: unknown[]; wastedRenders: number } }).__omBench;
    probe.commits.length = 0;
    probe.samples.length = 0;
    probe.arrivals.length = 0;
    probe.wastedRenders = 0;
  });
}

/** The largest number of `commits` in one animation frame, and in how many frames there was more than one. */
function perFrame(commits: readonly Commit[]): { max: number | null; frames: number; crowded: number } {
  const counts = new Map<number, number>();
  for (const [frame] of commits) counts.set(frame, (counts.get(frame) ?? 0) + 1);
  const values = [...counts.values()];
  return { max: values.length === 0 ? null : Math.max(...values), frames: values.length, crowded: values.filter((n) => n > 1).length };
}

function en(n: number): string {
  return n.toLocaleString('en');
}

function figures(name: string, description: string, data: ProbeData, options: LatencyOptions, count: number, window: Window, problems: readonly string[]): Figure[] {
  const latencies = data.samples.map(([, ms]) => ms);
  const updates = data.samples.filter(([, , first]) => first === 0).map(([, ms]) => ms);
  const firsts = data.samples.filter(([, , first]) => first === 1).length;
  const seen = data.samples.length;
  const p = (values: readonly number[], q: number): number | null => (values.length === 0 ? null : percentile(values, q));
  const trouble = problems.length > 0 ? `; page problems: ${problems.slice(0, 3).join(' | ')}` : '';
  const seconds = (window.endedAt - window.startedAt) / 1000;
  const fps = (window.endFrame - window.startFrame) / seconds;

  // Every store flush during the burst changes at least one card, so commits that rendered or
  // mounted a card are the store's; the others come from timers with their own clocks (the 1 s
  // time-in-state tick, the standalone page's mock panel).
  const storeCommits = data.commits.filter(([, reRendered, mounted]) => reRendered + mounted > 0);
  const store = perFrame(storeCommits);
  const all = perFrame(data.commits);
  const reRendered = data.commits.reduce((total, [, r]) => total + r, 0);
  const changed = data.commits.reduce((total, [, , , c]) => total + c, 0);
  const hookWorked = data.commits.length > 0 && data.errors.length === 0;
  const hookFailure = `not measured: the DevTools hook saw no commits${data.errors.length > 0 ? ` (${data.errors.join('; ')})` : ''}`;

  return [
    info(
      name,
      'latency p50',
      p(latencies, 50),
      'ms',
      `${description}; ${en(seen)} of ${en(count)} notifications seen in the DOM (${en(firsts)} as a card's first appearance; ${en(count - seen)} never shown: superseded by a later one for the same card within a frame); ` +
        `${options.rate}/s over ${options.interactions} interactions for ${options.seconds} s; mock publish (Date.now) → MutationObserver in the page (Date.now): same clock, 1 ms resolution${trouble}`,
    ),
    judged(name, 'latency p95', p(latencies, 95), 'ms', atMost(33, '≤ 33 ms')),
    info(name, 'latency p99', p(latencies, 99), 'ms'),
    info(name, 'latency p95, updates only', p(updates, 95), 'ms', `without each card's first appearance (its mount): ${en(updates.length)} changes of cards already shown`),
    info(
      name,
      'arrival in the page p50 / p95',
      p(data.arrivals, 50),
      'ms',
      `p95 ${p(data.arrivals, 95) ?? '—'} ms: publish → CometD long-poll response handled by the page's JavaScript (${en(data.arrivals.length)} messages); the rest of the latency is the page's own work`,
    ),
    info(name, 'animation frames per second', round(fps), 'fps', `during the burst (${en(window.endFrame - window.startFrame)} frames in ${round(seconds)} s)`),
    judged(
      name,
      'React commits per animation frame (max)',
      hookWorked ? store.max : null,
      '',
      atMost(1, '≤ 1'),
      hookWorked
        ? `commits that rendered a card (every store flush does): ${en(storeCommits.length)} in ${en(store.frames)} frames, ${store.crowded} frames with more than one; counted by a React DevTools hook (onCommitFiberRoot), frames by requestAnimationFrame`
        : hookFailure,
    ),
    info(
      name,
      'all React commits per frame (max)',
      hookWorked ? all.max : null,
      '',
      hookWorked
        ? `${en(data.commits.length)} commits in ${en(all.frames)} frames, ${all.crowded} frames with more than one: the extra commits render no card (timers such as the 1 s time-in-state tick; on the standalone page also its mock panel)`
        : hookFailure,
    ),
    judged(
      name,
      'cards re-rendered per notification',
      hookWorked && changed > 0 ? round(reRendered / changed, 4) : null,
      '',
      { text: 'exactly 1', met: (v) => v === 1 },
      hookWorked
        ? `${en(reRendered)} card re-renders for ${en(changed)} card changes, ${en(data.wastedRenders)} re-renders of cards that did not change; a render is React's PerformedWork flag on the card's component (as React DevTools reads it); mounts not counted`
        : hookFailure,
    ),
  ];
}

/**
 * The built page with the mock in Chromium: the mock publishes stamped notifications at a steady
 * rate; a probe injected before the page's scripts records when each change reaches the DOM, how
 * many commits each animation frame has, and which cards re-render.
 */
export async function runDomLatency(options: LatencyOptions, target: PageUnderTest, progress: Progress): Promise<Figure[]> {
  progress('starting vite preview with the mock');
  const server = await startPreview(target.outDir, target.config);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.addInitScript({ content: PROBE });

    await postJson(server.origin, '/mock/reset', {});
    progress('opening the page');
    await page.goto(`${server.origin}${target.path}`);
    await page.getByRole('region', { name: 'My interactions', exact: true }).locator('header').getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await resetProbe(page);

    const count = Math.round(options.rate * options.seconds);
    const startFrame = (await readProbe(page)).frame;
    const startedAt = Date.now();
    await postJson(server.origin, '/mock/burst', { count, interactions: options.interactions, rate: options.rate });
    const sent = await poll(
      async () => {
        const view = await burstView(server.origin);
        progress(`${en(view.sent)}/${en(count)} sent, ${Math.round((Date.now() - startedAt) / 1000)} s`);
        return !view.running && view.sent >= count;
      },
      options.seconds * 1000 + 30_000,
      500,
    );
    if (!sent) throw new Error('The mock did not finish the burst in time.');
    const shown = await poll(async () => (await readProbe(page)).maxSeq >= count - 1, DRAIN_MS);
    if (!shown) problems.push(`the last notification (seq ${count - 1}) was not shown within ${DRAIN_MS / 1000} s`);
    const data = await readProbe(page);
    const window: Window = { startFrame, startedAt, endFrame: data.frame, endedAt: Date.now() };
    await page.close();
    return figures(target.name, target.description, data, options, count, window, problems);
  } finally {
    await browser?.close();
    await server.close();
  }
}
