// usage: tsx scratch/ab.ts cards iterations name=dir name=dir ...   (dir 'naive' → naive build)
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../e2e/browser';
import { startPreview } from '../bench/preview-server';
const [cardsArg, itArg, ...variants] = process.argv.slice(2);
const cards = Number(cardsArg), iterations = Number(itArg);
const servers = [] as { name: string; origin: string; path: string; close: () => Promise<void> }[];
for (const v of variants) { const [name, spec] = v.split('='); const [dir, pth] = spec!.split('@'); const isNaive = dir === 'naive';
  const s = await startPreview(isNaive ? '/tmp/naive-built/dist/app' : dir!, 'mock-only', { initialData: [] });
  servers.push({ name: name!, origin: s.origin, path: isNaive ? '/' : (pth ?? '/bench/widget-page/index.html'), close: s.close }); }
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS, headless: true });
const res: Record<string, { shown: number[]; lt: number[]; busy: number[] }> = {};
for (let i = 0; i < iterations + 1; i++) for (const s of servers) {
  const post = (p: string, b: unknown) => fetch(s.origin + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
  await post('/mock/reset', {}); await post('/mock/burst', { count: 0, interactions: cards });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } }); const page = await ctx.newPage(); const cdp = await ctx.newCDPSession(page); await cdp.send('Performance.enable');
  await page.addInitScript(() => { const w = window as any; w.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(s.origin + s.path);
  const shown = await (await page.waitForFunction((n) => document.querySelectorAll('article').length >= n ? performance.now() : false, cards, { polling: 'raf' })).jsonValue();
  const ltl = await page.evaluate(() => (window as any).__lt); const lt = ltl.length; if (process.env.SHOWLT && i > 0) console.log(s.name, Math.round(shown), JSON.stringify(ltl));
  const m = Object.fromEntries(((await cdp.send('Performance.getMetrics')) as any).metrics.map((x: any) => [x.name, x.value])); if (i > 0) { const r = (res[s.name] ??= { shown: [], lt: [], busy: [] }); r.shown.push(Math.round(shown)); r.lt.push(lt); r.busy.push(Math.round(m.TaskDuration * 1000)); }
  await ctx.close();
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, r] of Object.entries(res)) console.log(k.padEnd(10), 'median shown', med(r.shown), 'LT median', med(r.lt), 'busy median', med(r.busy), '|', r.shown.join(' '));
await browser.close(); for (const s of servers) await s.close();
