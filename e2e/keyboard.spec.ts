import { expect, test } from './support/fixtures';
import { tabTo } from './support/keyboard';
import { card, openWidget, term, userDataValue } from './support/widget';

test.describe('keyboard only', () => {
  test('every action on an interaction can be reached and operated from the keyboard', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-KEY-1', mediaType: 'promotion', userData: { Subject: 'E2E keyboard', Priority: 'low' } });
    const item = card(page, 'E2E keyboard');

    // Accept with Enter.
    await tabTo(page, item.getByRole('button', { name: 'Accept' }));
    await page.keyboard.press('Enter');
    await expect(item.getByText('Processing', { exact: true })).toBeVisible();
    // The Accept button is gone; focus stays on its card rather than falling to the page.
    await expect(item).toBeFocused();

    // Add data: the form takes focus, Enter submits, focus returns to "Add data".
    const add = item.getByRole('button', { name: 'Add data' });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    await expect(item.getByRole('textbox', { name: 'Key' })).toBeFocused();
    await page.keyboard.type('Region');
    await page.keyboard.press('Tab');
    await expect(item.getByRole('textbox', { name: 'Value' })).toBeFocused();
    await page.keyboard.type('EMEA');
    await page.keyboard.press('Enter');
    await expect(userDataValue(item, 'Region')).toHaveText('EMEA');
    await expect(add).toBeFocused();

    // Escape cancels the add form without sending.
    await page.keyboard.press('Enter');
    await expect(item.getByRole('textbox', { name: 'Key' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(item.getByRole('textbox', { name: 'Key' })).toHaveCount(0);
    await expect(add).toBeFocused();

    // Edit a value: Enter opens, typing replaces, Enter saves, focus returns to the Edit button.
    const edit = item.getByRole('button', { name: 'Edit Priority' });
    await tabTo(page, edit, { backwards: true });
    await page.keyboard.press('Enter');
    await expect(item.getByRole('textbox', { name: 'New value for Priority' })).toBeFocused();
    await page.keyboard.type('high');
    await page.keyboard.press('Enter');
    await expect(userDataValue(item, 'Priority')).toHaveText('high');
    await expect(edit).toBeFocused();

    // Delete: the safe "Keep" has focus first; Shift+Tab reaches "Yes, delete".
    const remove = item.getByRole('button', { name: 'Delete Region' });
    await tabTo(page, remove);
    await page.keyboard.press('Space');
    await expect(item.getByRole('button', { name: 'Keep' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(item.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(term(item, 'Region')).toHaveCount(0);
    // Its row (and the Delete button that had focus back) is gone: the card has focus, not the page.
    await expect(item).toBeFocused();

    // Set in focus.
    await tabTo(page, item.getByRole('button', { name: 'Set in focus' }));
    await page.keyboard.press('Enter');
    await expect(item).toHaveAttribute('aria-current', 'true');

    // A failure's alert can be dismissed from the keyboard.
    await mock.failNext({ mode: 'status-code', statusCode: 5, message: 'Not allowed right now' });
    const complete = item.getByRole('button', { name: 'Complete' });
    await tabTo(page, complete);
    await page.keyboard.press('Enter');
    await expect(item.getByRole('alert')).toContainText('Not allowed right now');
    await tabTo(page, item.getByRole('alert').getByRole('button', { name: 'Dismiss' }), { backwards: true });
    await page.keyboard.press('Enter');
    await expect(item.getByRole('alert')).toHaveCount(0);

    // Complete.
    await tabTo(page, complete);
    await page.keyboard.press('Enter');
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    const operations = (await mock.log()).map((r) => r.operationName).filter(Boolean);
    expect(operations).toEqual(['Accept', 'AttachUserData', 'UpdateUserData', 'DeleteUserData', 'SetInFocus', 'Complete', 'Complete']);
  });

  test('when the focused card is evicted after the linger, focus goes to its neighbour, not to the page', async ({ page, mock }) => {
    // A fake clock that still flows in real time, so the one-minute linger can be skipped.
    await page.clock.install();
    const root = await openWidget(page);
    await mock.offer({ id: 'E2E-KEY-4', mediaType: 'promotion', userData: { Subject: 'E2E keyboard evicted' } });
    const item = card(page, 'E2E keyboard evicted');
    await tabTo(page, item.getByRole('button', { name: 'Accept' }));
    await page.keyboard.press('Enter');
    await expect(item.getByText('Processing', { exact: true })).toBeVisible();
    await tabTo(page, item.getByRole('button', { name: 'Complete' }));
    await page.keyboard.press('Enter');
    await expect(item.getByText('This interaction has ended')).toBeVisible();
    await expect(item).toBeFocused();

    // The ended card comes after every card in progress; the other ended one (a seed) goes before
    // it or with it, so the card that takes focus is the last one in progress.
    const inProgress = root.getByRole('list', { name: /^In progress/ }).getByRole('article');
    const neighbourName = await inProgress.last().getByRole('heading').textContent();
    expect(neighbourName).toBeTruthy();
    const neighbour = card(page, neighbourName ?? '');

    await page.clock.fastForward(50_000);
    await expect(item).toBeFocused();
    await page.clock.fastForward(15_000);
    await expect(item).toHaveCount(0);
    await expect(neighbour).toBeFocused();
    await expect(neighbour).toBeInViewport();

    // The next Tab stays in the widget, inside that card.
    await page.keyboard.press('Tab');
    expect(await neighbour.evaluate((el) => el !== document.activeElement && el.contains(document.activeElement))).toBe(true);
  });

  test('Reject from the keyboard', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-KEY-2', mediaType: 'promotion', userData: { Subject: 'E2E keyboard reject' } });
    const item = card(page, 'E2E keyboard reject');
    await tabTo(page, item.getByRole('button', { name: 'Reject' }));
    await page.keyboard.press('Enter');
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    expect((await mock.interaction('E2E-KEY-2'))?.state).toBe('Completed');
  });

  test('the transfer dialog: focus moves in, Tab stays in, Escape returns focus; a transfer from the keyboard', async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: 'E2E-KEY-3', mediaType: 'promotion', userData: { Subject: 'E2E keyboard transfer' } });
    const item = card(page, 'E2E keyboard transfer');
    await tabTo(page, item.getByRole('button', { name: 'Accept' }));
    await page.keyboard.press('Enter');
    const transfer = item.getByRole('button', { name: 'Transfer' });
    await tabTo(page, transfer);
    await expect(transfer).toHaveAttribute('aria-haspopup', 'dialog');

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Transfer “E2E keyboard transfer”' });
    const filter = dialog.getByRole('searchbox', { name: 'Filter agents and queues' });
    await expect(filter).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(transfer).toBeFocused();

    // Reopen; Tab and Shift+Tab never leave the dialog.
    await page.keyboard.press('Enter');
    await expect(filter).toBeFocused();
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }

    // Filter to the queue, pick it with the arrow keys / Space, confirm with Enter.
    await tabTo(page, filter);
    await page.keyboard.type('retention');
    await page.keyboard.press('Tab');
    const retention = dialog.getByRole('radio', { name: 'Retention' });
    await expect(retention).toBeFocused();
    await page.keyboard.press('Space');
    await expect(retention).toBeChecked();
    await tabTo(page, dialog.getByRole('button', { name: 'Confirm transfer' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(item.getByText('Completed', { exact: true })).toBeVisible();
    expect((await mock.interaction('E2E-KEY-3'))?.state).toBe('Completed');
  });
});
