import { expect, test } from './support/fixtures';
import { openWidget } from './support/widget';

interface Shown {
  readonly state: string;
  readonly seq: string | undefined;
}

test('a burst of 2,000 notifications over 200 interactions ends with the page equal to the server', async ({ page, mock }) => {
  test.setTimeout(120_000);
  const root = await openWidget(page);

  const { ids } = await mock.burst({ count: 2_000, interactions: 200 });
  expect(ids).toHaveLength(200);
  await expect
    .poll(async () => (await mock.state()).burst, { timeout: 30_000 })
    .toEqual({ running: false, sent: 2_000, total: 2_000 });

  const server = await mock.state();
  const expected: Record<string, Shown> = {};
  for (const i of server.interactions) {
    if (i.state === 'Completed') continue;
    const seq = i.userData?.seq;
    expected[i.id] = { state: i.state, seq: seq === undefined || seq === null ? undefined : String(seq) };
  }
  expect(Object.keys(expected)).toHaveLength(205);

  // What the agent sees on every card: its ID, its state, and the last `seq` the server stamped.
  const shown = async (): Promise<Record<string, Shown>> =>
    root.getByRole('article').evaluateAll((articles) => {
      const out: Record<string, { state: string; seq: string | undefined }> = {};
      for (const article of articles) {
        const values = new Map<string, string>();
        for (const dt of article.querySelectorAll('dt')) {
          values.set((dt.textContent ?? '').trim(), (dt.nextElementSibling?.textContent ?? '').trim());
        }
        const state = article.querySelector('.omw-chip__state')?.textContent ?? '';
        out[values.get('ID') ?? '?'] = { state, seq: values.get('seq') };
      }
      return out;
    });
  await expect.poll(shown, { timeout: 30_000 }).toEqual(expected);
  await expect(root.getByRole('article')).toHaveCount(205);
  await expect(root.getByRole('heading', { name: /^In progress 202$/ })).toBeVisible();
});
