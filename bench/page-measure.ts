import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { summariseProfile } from './cpu-profile';
import type { CpuProfile, ProfileSummary } from './cpu-profile';
import { postJson, poll } from './mock-http';
import { percentile } from './stats';

const PROBE = readFileSync(new URL('./page-probe.js', import.meta.url), 'utf8');

// Long tasks (> 50 ms), recorded from before the page's own scripts run; and the count of cards
// that show benchmark user data (\`seq\`), the same test on every page.
const PAGE_HELPERS = `(() => {
  window.__omCountCards = () => {
    let n = 0;
    for (const article of document.querySelectorAll('article')) {
      for (const dt of article.querySelectorAll('dt')) {
        if (dt.textContent === 'seq') { n += 1; break; }
      }
    }
    return n;
  };
  const tasks = [];
  window.__omLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** One page's load, as the side-by-side benchmark drives it. */
export interface PhaseOptions {
  /** Interactions the mock holds before navigation (each becomes a card). */
  readonly cards: number;
  /** Steady traffic: notifications per second and for how long. */
  readonly rate: number;
  readonly seconds: number;
  /** Notifications published at once after the steady phase (0: no burst). */
  readonly burst: number;
  /** After the measured steady phase, this many seconds more of the same traffic under the CPU profiler (0: none). */
  readonly profileSeconds: number;
}

/** What one page did under one load. Times in ms. */
export interface PageFigures {
  readonly cardsShownMs: number | null;
  readonly startupLongTasks: readonly number[];
  readonly latencies: readonly number[];
  readonly wireToDom: readonly number[];
  readonly busyShare: number;
  readonly scriptShare: number;
  readonly layoutShare: number;
  readonly burstLastMs: number | null;
  readonly burstLongTasks: readonly number[];
  readonly heapBytes: number;
  readonly domNodes: number;
  readonly jsGzipBytes: number;
  readonly profile: ProfileSummary;
  readonly problems: readonly string[];
}

export interface PageTarget {
  readonly origin: string;
  readonly path: string;
}

async function burstDone(origin: string): Promise<boolean> {
  const state = (await (await fetch(`${origin}/mock/state`)).json()) as { burst: { running: boolean; sent: number; total: number } };
  return !state.burst.running && state.burst.sent >= state.burst.total;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface PageHelpers {
  __omCountCards(): number;
}

/** Cards (articles) that show benchmark user data (`seq`). */
function benchmarkCards(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as PageHelpers).__omCountCards());
}

/** Every node of the document (elements, text, comments), as the page's DOM size. */
function domNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode()) n += 1;
    return n + 1;
  });
}

function longTasks(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    ([a, b]) => ((window as unknown as { __omLongTasks: [number, number][] }).__omLongTasks ?? []).filter(([start]) => start >= a && start < b).map(([, d]) => d),
    [from, to] as const,
  );
}

function probeSince(page: Page, since: number): Promise<{ samples: [number, number, number, number][]; arrivedAt: Record<string, number>; maxSeq: number }> {
  return page.evaluate((t) => {
    const probe = (window as unknown as { __omBench: { samples: [number, number, number, number][]; arrivedAt: Record<string, number> } }).__omBench;
    const samples = probe.samples.filter((s) => s[3] >= t);
    let maxSeq = -1;
    for (const s of samples) if (s[0] > maxSeq) maxSeq = s[0];
    return { samples, arrivedAt: probe.arrivedAt, maxSeq };
  }, since);
}

/** Between a page's ready condition and its steady window (see measurePage). */
export const SETTLE_MS = 2_000;

/**
 * Loads one built page in a fresh browser context against the mock (which must hold no other
 * interaction of the measured media type), and measures it: time until every seeded card is in
 * the DOM, long tasks, steady traffic (event → DOM, wire → DOM, main-thread busy from the DevTools
 * protocol, a CPU profile), a burst (time until its last value is shown), heap after GC, DOM size,
 * and the gzip size of the JavaScript the page loaded.
 */
export async function measurePage(browser: Browser, target: PageTarget, options: PhaseOptions, ready: (page: Page) => Promise<void>): Promise<PageFigures> {
  const problems: string[] = [];
  await postJson(target.origin, '/mock/reset', {});
  await postJson(target.origin, '/mock/burst', { count: 0, interactions: options.cards });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    let jsGzipBytes = 0;
    page.on('response', (response) => {
      if (!/\.m?js(\?|$)/.test(response.url())) return;
      void response.body().then(
        (body) => (jsGzipBytes += gzipSync(body, { level: 9 }).length),
        () => undefined,
      );
    });
    await page.addInitScript({ content: PAGE_HELPERS });
    // Only what these figures need: the frame loop and the React commit hook would be the
    // benchmark's own work in every page.
    await page.addInitScript({ content: 'window.__omBenchProbe = { frames: false, commits: false };' });
    await page.addInitScript({ content: PROBE });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });

    await page.goto(`${target.origin}${target.path}`);
    // rAF polling: both pages pay the same few-ms resolution.
    const shown = await page
      .waitForFunction(
        (n) => ((window as unknown as PageHelpers).__omCountCards() >= n ? performance.now() : false),
        options.cards,
        { polling: 'raf', timeout: 30_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null);
    if (shown === null) problems.push(`not all ${options.cards} cards were shown within 30 s (${await benchmarkCards(page)})`);
    const startupLongTasks = await longTasks(page, 0, (shown ?? 30_000) + 1);
    await ready(page);
    // The steady figures are what the page costs once it runs, all day: what it still does just
    // after it connected (parts loaded after the first cards, the standalone page's mock panel
    // reading and drawing itself) is startup: measured, it was 0.1 to 0.2 points of a 20 s window
    // at 10 cards x 1/s. Every page, the naive one too, gets the same pause.
    await page.waitForTimeout(SETTLE_MS);

    // Steady traffic, with nothing of the benchmark's own running in the page meanwhile: no CPU
    // profiler (sampling every 200 µs costs the page a point or two of busy share) and no frame
    // loop (see the probe's options above).
    const count = Math.round(options.rate * options.seconds);
    const before = await metrics(cdp);
    const steadyFrom = Date.now();
    if (count > 0) {
      await postJson(target.origin, '/mock/burst', { count, interactions: options.cards, rate: options.rate, reuse: true });
      if (!(await poll(() => burstDone(target.origin), options.seconds * 1000 + 30_000, 200))) problems.push('the mock did not finish the steady traffic');
      if (!(await poll(async () => (await probeSince(page, steadyFrom)).maxSeq >= count - 1, 10_000))) problems.push('the last steady notification was not shown');
    } else {
      await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    }
    const after = await metrics(cdp);
    const wall = (Date.now() - steadyFrom) / 1000;
    const share = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) / wall;
    const steady = await probeSince(page, steadyFrom);
    const latencies = steady.samples.map((s) => s[1]);
    const wireToDom = steady.samples.flatMap(([seq, , , at]) => {
      const arrived = steady.arrivedAt[String(seq)];
      return arrived === undefined ? [] : [at - arrived];
    });

    // Where the script time goes: a CPU profile of a further stretch of the same traffic, taken
    // apart from the window above so the profiler's cost is in none of its figures.
    const profiled = Math.round(options.rate * options.profileSeconds);
    let profile: CpuProfile | undefined;
    if (profiled > 0) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const profiledFrom = Date.now();
      await postJson(target.origin, '/mock/burst', { count: profiled, interactions: options.cards, rate: options.rate, reuse: true });
      if (!(await poll(() => burstDone(target.origin), options.profileSeconds * 1000 + 30_000, 200))) problems.push('the mock did not finish the profiled traffic');
      if (!(await poll(async () => (await probeSince(page, profiledFrom)).maxSeq >= count + profiled - 1, 10_000))) problems.push('the last profiled notification was not shown');
      profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
    }

    // A burst, as fast as the mock can publish.
    let burstLastMs: number | null = null;
    let burstLongTasks: number[] = [];
    if (options.burst > 0) {
      const pageFrom = await page.evaluate(() => performance.now());
      const burstFrom = Date.now();
      await postJson(target.origin, '/mock/burst', { count: options.burst, interactions: options.cards, reuse: true });
      // The mock numbers a reuse burst on from the previous ones.
      const last = count + profiled + options.burst - 1;
      const done = await poll(async () => (await probeSince(page, burstFrom)).samples.some((s) => s[0] === last), 20_000);
      if (done) {
        const sample = (await probeSince(page, burstFrom)).samples.find((s) => s[0] === last);
        burstLastMs = sample === undefined ? null : sample[3] - burstFrom;
      } else problems.push(`the burst's last value was not shown within 20 s`);
      const pageTo = await page.evaluate(() => performance.now());
      burstLongTasks = await longTasks(page, pageFrom, pageTo + 1);
    }

    // Memory after GC, and DOM size.
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const nodes = await domNodes(page);

    return {
      cardsShownMs: shown,
      startupLongTasks,
      latencies,
      wireToDom,
      busyShare: share('TaskDuration'),
      scriptShare: share('ScriptDuration'),
      layoutShare: share('LayoutDuration') + share('RecalcStyleDuration'),
      burstLastMs,
      burstLongTasks,
      heapBytes: heap.usedSize,
      domNodes: nodes,
      jsGzipBytes,
      profile:
        profile === undefined
          ? {}
          : await summariseProfile(profile, async (url) => {
              const response = await fetch(`${url.replace(/[?#].*$/, '')}.map`);
              return response.ok ? ((await response.json()) as Awaited<ReturnType<Parameters<typeof summariseProfile>[1]>>) : undefined;
            }),
      problems,
    };
  } finally {
    await context.close();
  }
}

/** p-th percentile, or null for no samples. */
export function pct(values: readonly number[], p: number): number | null {
  return values.length === 0 ? null : percentile(values, p);
}
