import { expect, test } from './support/fixtures';
import { card, openWidget } from './support/widget';

test('Set in focus marks that card only, and the host hears about it', async ({ page, mock }) => {
  await openWidget(page);
  for (const [id, subject] of [
    ['E2E-FOCUS-1', 'E2E focus one'],
    ['E2E-FOCUS-2', 'E2E focus two'],
  ] as const) {
    await mock.offer({ id, mediaType: 'promotion', userData: { Subject: subject } });
    await card(page, subject).getByRole('button', { name: 'Accept' }).click();
    await expect(card(page, subject).getByRole('button', { name: 'Set in focus' })).toBeEnabled();
  }
  const one = card(page, 'E2E focus one');
  const two = card(page, 'E2E focus two');
  const callbacks = page.getByRole('list', { name: 'Recent callbacks' });

  await one.getByRole('button', { name: 'Set in focus' }).click();
  await expect(one).toHaveAttribute('aria-current', 'true');
  await expect(one.getByText('In focus', { exact: true })).toBeVisible();
  await expect(two).not.toHaveAttribute('aria-current', 'true');
  await expect(two.getByText('In focus', { exact: true })).toHaveCount(0);
  await expect(callbacks.getByText('focus · E2E-FOCUS-1', { exact: true })).toBeVisible();
  await expect(callbacks.getByText('after SetInFocus · E2E-FOCUS-1 · succeeded', { exact: true })).toBeVisible();

  await two.getByRole('button', { name: 'Set in focus' }).click();
  await expect(two).toHaveAttribute('aria-current', 'true');
  await expect(one).not.toHaveAttribute('aria-current', 'true');
  await expect(one.getByText('In focus', { exact: true })).toHaveCount(0);
  await expect(callbacks.getByText('focus · E2E-FOCUS-2', { exact: true })).toBeVisible();
  // Exactly one focus callback per change: the first card was reported once.
  await expect(callbacks.getByText('focus · E2E-FOCUS-1', { exact: true })).toHaveCount(1);

  const log = await mock.log();
  expect(log.filter((r) => r.operationName === 'SetInFocus').map((r) => r.path)).toEqual([
    '/api/v2/me/openmedia/promotion/E2E-FOCUS-1',
    '/api/v2/me/openmedia/promotion/E2E-FOCUS-2',
  ]);
});
