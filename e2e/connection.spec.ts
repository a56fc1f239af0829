import { expectStaysAtMost } from './support/conditions';
import { expect, test } from './support/fixtures';
import { banner, card, indicator, openWidget, userDataValue, widget } from './support/widget';

const SEED = 'Spring upgrade offer';
const SEED_ID = '03W0GH2KD56YV000';
const COMETD = '**/api/v2/notifications/**';

test.describe('connection trouble', () => {
  test('a slow first read: "loading", never "no interactions", then the cards without a reload', async ({ page }) => {
    // Hold the snapshot reads until release(): GWS answering slowly at the start of the shift.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    await page.route('**/api/v2/me/openmedia/**', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      held += 1;
      await gate;
      return route.continue();
    });
    await page.goto('/');
    const root = widget(page);
    await expect.poll(() => held).toBeGreaterThan(0);
    await expect(root.getByText('Loading your interactions…')).toBeVisible();
    await expect(root.getByText('No interactions right now')).toHaveCount(0);
    await expect(root.locator('header').getByText(/^\d+ open interactions?$/)).toHaveCount(0);

    release();
    await expect(card(page, SEED)).toBeVisible();
    await expect(root.getByText('Loading your interactions…')).toHaveCount(0);
    await expect(root.locator('header').getByText(/^\d+ open interactions?$/)).toBeVisible();
  });

  test('dropped CometD sessions: changes made during the gap appear without a reload', async ({ page, mock }) => {
    await openWidget(page);
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const before = (await mock.state()).handshakes;

    // Hold the browser's next CometD requests (until release()), so the server changes below surely happen while
    // the page has no session (otherwise its re-handshake could win the race and see them live).
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    await page.route(COMETD, async (route) => {
      held += 1;
      await gate;
      await route.continue();
    });
    expect((await mock.dropSessions()).dropped).toBeGreaterThanOrEqual(1);
    await expect.poll(() => held).toBeGreaterThan(0);

    await mock.offer({ id: 'E2E-GAP-1', mediaType: 'workitem', userData: { Subject: 'E2E offered during the gap' } });
    await mock.userData(SEED_ID, { CustomerSegment: 'platinum', GapNote: 'set while disconnected' }, ['Discount']);
    await expect(card(page, 'E2E offered during the gap')).toHaveCount(0);

    // From now on the route lets every request through at once.
    release();

    await expect(card(page, 'E2E offered during the gap')).toBeVisible();
    const seed = card(page, SEED);
    await expect(userDataValue(seed, 'CustomerSegment')).toHaveText('platinum');
    await expect(userDataValue(seed, 'GapNote')).toHaveText('set while disconnected');
    await expect(seed.getByRole('term').filter({ hasText: /^Discount$/ })).toHaveCount(0);
    await expect(indicator(page, 'Live')).toBeVisible();
    await expect(banner(page)).toHaveText('Live');
    await expect.poll(async () => (await mock.state()).handshakes).toBe(before + 1);
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

    // And the new session is live: a later offer arrives by push.
    await mock.offer({ id: 'E2E-GAP-2', mediaType: 'promotion', userData: { Subject: 'E2E offered after the gap' } });
    await expect(card(page, 'E2E offered after the gap')).toBeVisible();
  });

  test('a network cut shows "reconnecting" after the grace period, then recovers with the right state', async ({ page, mock }) => {
    await openWidget(page);
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const status = banner(page);

    await mock.networkCut(7);
    // The first seconds are a grace period: a short blip must not alarm the agent.
    await expect(indicator(page, 'Checking connection…')).toBeVisible();
    await expect(status).toHaveText('Live');
    await expect(status).toContainText('Reconnecting…', { timeout: 6_000 });
    await expect(indicator(page, 'Not connected')).toBeVisible();

    await mock.offer({ id: 'E2E-CUT-1', mediaType: 'promotion', userData: { Subject: 'E2E offered during the cut' } });
    await mock.userData(SEED_ID, { CustomerSegment: 'diamond' });

    await expect(indicator(page, 'Live')).toBeVisible({ timeout: 30_000 });
    await expect(status).toHaveText('Live');
    await expect(card(page, 'E2E offered during the cut')).toBeVisible();
    await expect(userDataValue(card(page, SEED), 'CustomerSegment')).toHaveText('diamond');
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

    // Every interaction the server has live is on the page, and nothing else.
    const live = (await mock.state()).interactions.filter((i) => i.state !== 'Completed');
    await expect(page.getByRole('article')).toHaveCount(live.length);
  });

  test('a subscription the server refuses: "Reconnecting…" says so in its words, and the page is Live again once it accepts', async ({ page, mock }) => {
    await openWidget(page);
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const status = banner(page);

    await mock.refuseSubscriptions(true);
    // The next session (the server forgot this one) handshakes, and its subscription is refused.
    expect((await mock.dropSessions()).dropped).toBeGreaterThanOrEqual(1);
    await expect(status).toContainText('Reconnecting…', { timeout: 10_000 });
    await expect(status).toContainText('The server refused to send the notifications (403::subscribe_denied); the widget keeps asking.');
    await expect(indicator(page, 'Not connected')).toBeVisible();

    await mock.offer({ id: 'E2E-REFUSED-1', mediaType: 'promotion', userData: { Subject: 'E2E offered while refused' } });
    await mock.refuseSubscriptions(false);
    await expect(indicator(page, 'Live')).toBeVisible({ timeout: 30_000 });
    await expect(status).toHaveText('Live');
    await expect(card(page, 'E2E offered while refused')).toBeVisible();
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  });

  test('the network coming back ends the back-off at once: a fresh session, not the retry CometD had scheduled', async ({ page, mock }) => {
    await openWidget(page);
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const bayeux: string[] = [];
    let failedConnects = 0;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/v2/notifications/')) bayeux.push(path.slice('/api/v2/notifications/'.length));
    });
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname.endsWith('/notifications/connect')) failedConnects += 1;
    });

    await page.context().setOffline(true);
    await expect(indicator(page, 'No network')).toBeVisible();
    // The server answers the long poll it holds (the browser may let that answer in or not).
    await mock.offer({ id: 'E2E-ONLINE-1', mediaType: 'promotion', userData: { Subject: 'E2E offered while offline' } });
    // Four failed retries: CometD's next one is seconds away (its back-off grows 1 s per failure).
    await expect.poll(() => failedConnects, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    const sentBefore = bayeux.length;

    await page.context().setOffline(false);
    await expect(indicator(page, 'Live')).toBeVisible({ timeout: 15_000 });
    await expect(card(page, 'E2E offered while offline')).toBeVisible();
    // What went out first after `online` started a new session (the old one's disconnect, then a
    // handshake) instead of the /meta/connect CometD would have sent at the end of its back-off.
    expect(bayeux.slice(sentBefore, sentBefore + 2)).toEqual(['disconnect', 'handshake']);
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  });

  test('waking from sleep: a long poll that died in the sleep is not waited out, the list catches up at once', async ({ page, mock }) => {
    await openWidget(page);
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    const handshakes = (await mock.state()).handshakes;
    const worker = page.workers().find((w) => w.url().includes('connection-worker'));
    expect(worker, 'the connection runs in its Worker').toBeDefined();

    // The session's long polls from now on go nowhere, as one open across a sleep does: held, never
    // sent. A new session (another clientId) goes through.
    let sleepingClient: string | undefined;
    let held = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v2/notifications/connect', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '[]') as { clientId?: string }[];
      const clientId = body[0]?.clientId;
      sleepingClient ??= clientId;
      if (clientId !== sleepingClient) return route.continue();
      held += 1;
      await gate;
      await route.abort();
    });
    // A change answers the long poll open now; the next one is held.
    await mock.userData(SEED_ID, { SleepNote: 'before the sleep' });
    await expect(userDataValue(card(page, SEED), 'SleepNote')).toHaveText('before the sleep');
    await expect.poll(() => held).toBe(1);
    await mock.offer({ id: 'E2E-WAKE-1', mediaType: 'promotion', userData: { Subject: 'E2E offered while asleep' } });
    await expect(card(page, 'E2E offered while asleep')).toHaveCount(0);

    // The machine wakes up: the Worker's wall clock jumps ahead of its monotonic clock (a sleep
    // the monotonic clock did not count, as on macOS and Linux).
    await worker?.evaluate(() => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 10 * 60_000;
    });

    // Within the 5 s look and a new session; CometD's own timeout would take 40 s.
    await expect(card(page, 'E2E offered while asleep')).toBeVisible({ timeout: 10_000 });
    await expect(indicator(page, 'Live')).toBeVisible();
    expect((await mock.state()).handshakes).toBe(handshakes + 1);
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
    release();
    // The new session is live: a later offer arrives by push.
    await mock.offer({ id: 'E2E-WAKE-2', mediaType: 'promotion', userData: { Subject: 'E2E offered after waking' } });
    await expect(card(page, 'E2E offered after waking')).toBeVisible();
  });

  test('an expired HTTP session shows "signed out" and stops: no reconnect storm', async ({ page, mock }) => {
    await openWidget(page);
    expect((await mock.expireSession()).expired).toBeGreaterThanOrEqual(1);

    await expect(banner(page)).toContainText('Signed out — your session has ended');
    await expect(banner(page)).toContainText('Sign in again, then reconnect to keep receiving interactions.');
    await expect(indicator(page, 'Not connected')).toBeVisible();

    const handshakes = (await mock.state()).handshakes;
    const apiRequests = async () => (await mock.log()).filter((r) => r.path.startsWith('/api/v2/')).length;
    const requestsAtBanner = await apiRequests();
    await expectStaysAtMost('successful handshakes after the 401', async () => (await mock.state()).handshakes, handshakes + 1, 3_000);
    await expectStaysAtMost('/api/v2 requests after the 401', apiRequests, requestsAtBanner + 2, 3_000);
    await expect(banner(page)).toContainText('Signed out');

    // Once the session is valid again (the agent signed back in), Reconnect brings everything
    // back without a reload, including what changed on the server meanwhile.
    await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
    await mock.restoreSession();
    await mock.userData(SEED_ID, { CustomerSegment: 'while-signed-out' });
    await banner(page).getByRole('button', { name: 'Reconnect' }).click();
    await expect(indicator(page, 'Live')).toBeVisible({ timeout: 20_000 });
    await expect(banner(page)).toHaveText('Live');
    await expect(userDataValue(card(page, SEED), 'CustomerSegment')).toHaveText('while-signed-out');
    expect(await page.evaluate(() => (window as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  });
});
