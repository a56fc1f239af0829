import { AGENT, expect, expectNothingRejected, openV3Page, test, withSimulator } from './sim-test';
import { card } from '../support/widget';

withSimulator();

const CHANNELS = ['/workspace/v3/media/workitem', '/workspace/v3/media/email'];

// Genesys's own libraries subscribe to exact channels, not to `/workspace/v3/media/*`: the page
// given the list (`cometdChannels`, here `?channels=`) subscribes to exactly those, goes Live on
// Genesys's simulator, and hears every media type it listed.
test('subscribed to exact channels: Live, and both listed media types are heard', async ({ page, sim }) => {
  const subscriptions: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/workspace/v3/notifications') || request.method() !== 'POST') return;
    const body: unknown = request.postDataJSON();
    for (const message of Array.isArray(body) ? (body as { channel?: string; subscription?: string }[]) : []) {
      if (message.channel === '/meta/subscribe' && typeof message.subscription === 'string') subscriptions.push(message.subscription);
    }
  });
  const root = await openV3Page(page, sim.code, `&channels=${CHANNELS.join(',')}`);
  expect([...new Set(subscriptions)].sort()).toEqual([...CHANNELS].sort());

  await sim.api.workitem(AGENT, 'Sim exact workitem');
  await sim.api.email(AGENT, 'Sim exact email');
  const workitem = card(root, 'Sim exact workitem');
  const email = card(root, 'Sim exact email');
  await expect(workitem.getByRole('button', { name: 'Accept' })).toBeEnabled();
  await expect(email.getByRole('button', { name: 'Accept' })).toBeEnabled();

  await workitem.getByRole('button', { name: 'Accept' }).click();
  await expect(workitem.getByText('Processing', { exact: true })).toBeVisible();
  await expect(workitem.getByRole('button', { name: 'Complete' })).toBeEnabled();
  await expectNothingRejected(root);
});
