import { expect, test } from './support/fixtures';
import { card, openWidget, term, userDataValue } from './support/widget';

const SUBJECT = 'E2E user data';
const ID = 'E2E-UD-1';

test.describe('user data', () => {
  test.beforeEach(async ({ page, mock }) => {
    await openWidget(page);
    await mock.offer({ id: ID, mediaType: 'promotion', userData: { Subject: SUBJECT, Priority: 'low', Obsolete: 'remove me' } });
    await card(page, SUBJECT).getByRole('button', { name: 'Accept' }).click();
    await expect(card(page, SUBJECT).getByRole('button', { name: 'Add data' })).toBeEnabled();
  });

  test('attach, update and delete through the editor reach the server and come back', async ({ page, mock }) => {
    const item = card(page, SUBJECT);

    // Attach
    await item.getByRole('button', { name: 'Add data' }).click();
    const form = item.getByRole('form', { name: 'Add user data' });
    await expect(form.getByRole('textbox', { name: 'Key' })).toBeFocused();
    await form.getByRole('textbox', { name: 'Key' }).fill('Region');
    await form.getByRole('textbox', { name: 'Value' }).fill('EMEA');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(userDataValue(item, 'Region')).toHaveText('EMEA');
    await expect.poll(async () => (await mock.interaction(ID))?.userData?.Region).toBe('EMEA');

    // An existing key is refused, with a way to edit it instead.
    await item.getByRole('button', { name: 'Add data' }).click();
    await form.getByRole('textbox', { name: 'Key' }).fill('Priority');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('“Priority” already exists.')).toBeVisible();
    await form.getByRole('button', { name: 'Edit Priority instead' }).click();

    // Update
    const edit = item.getByRole('textbox', { name: 'New value for Priority' });
    await expect(edit).toBeFocused();
    await expect(edit).toHaveValue('low');
    await edit.fill('high');
    await edit.press('Enter');
    await expect(userDataValue(item, 'Priority')).toHaveText('high');
    await expect.poll(async () => (await mock.interaction(ID))?.userData?.Priority).toBe('high');

    // Delete asks first; "Keep" keeps it.
    await item.getByRole('button', { name: 'Delete Obsolete' }).click();
    const confirm = item.getByRole('group', { name: 'Delete “Obsolete”?' });
    await confirm.getByRole('button', { name: 'Keep' }).click();
    await expect(userDataValue(item, 'Obsolete')).toHaveText('remove me');
    await item.getByRole('button', { name: 'Delete Obsolete' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(term(item, 'Obsolete')).toHaveCount(0);
    await expect.poll(async () => Object.keys((await mock.interaction(ID))?.userData ?? {})).not.toContain('Obsolete');

    // What the server says is what the card shows, key for key.
    const server = (await mock.interaction(ID))?.userData ?? {};
    for (const [key, value] of Object.entries(server)) {
      await expect(userDataValue(item, key)).toHaveText(String(value));
    }
    await expect(item.getByRole('term')).toHaveCount(Object.keys(server).length + 5);

    const operations = (await mock.log()).map((r) => r.operationName).filter(Boolean);
    expect(operations).toEqual(['Accept', 'AttachUserData', 'UpdateUserData', 'DeleteUserData']);
  });

  test('a change made on the server appears without any action', async ({ page, mock }) => {
    const item = card(page, SUBJECT);
    await mock.userData(ID, { Segment: 'platinum', Priority: 'urgent' }, ['Obsolete']);
    await expect(userDataValue(item, 'Segment')).toHaveText('platinum');
    await expect(userDataValue(item, 'Priority')).toHaveText('urgent');
    await expect(term(item, 'Obsolete')).toHaveCount(0);
    // A server-side Subject change renames the card.
    await mock.userData(ID, { Subject: 'E2E user data, renamed' });
    await expect(card(page, 'E2E user data, renamed')).toBeVisible();
    await expect(card(page, SUBJECT)).toHaveCount(0);
  });

  test('an editor left open while the server changes the value never sends the old value back over it', async ({ page, mock }) => {
    const item = card(page, SUBJECT);
    await item.getByRole('button', { name: 'Edit Priority' }).click();
    const edit = item.getByRole('textbox', { name: 'New value for Priority' });
    await expect(edit).toHaveValue('low');
    await mock.userData(ID, { Priority: 'urgent (set by supervisor)' });
    await expect(edit).toHaveValue('urgent (set by supervisor)');
    await expect(item.getByText('Changed on the server to “urgent (set by supervisor)” while you were editing.', { exact: false })).toBeVisible();
    await edit.press('Enter');
    await expect(edit).toBeHidden();
    await expect(userDataValue(item, 'Priority')).toHaveText('urgent (set by supervisor)');
    expect((await mock.interaction(ID))?.userData?.Priority).toBe('urgent (set by supervisor)');
    expect((await mock.log()).map((r) => r.operationName).filter(Boolean)).toEqual(['Accept']);
  });

  test('a key deleted on the server under an open editor keeps the typed value, and Save adds it back', async ({ page, mock }) => {
    const item = card(page, SUBJECT);
    await item.getByRole('button', { name: 'Edit Priority' }).click();
    const edit = item.getByRole('textbox', { name: 'New value for Priority' });
    await edit.fill('high');
    await mock.userData(ID, {}, ['Priority']);
    await expect(item.getByText('Deleted on the server while you were editing. Save adds it back with your value.')).toBeVisible();
    await expect(edit).toHaveValue('high');
    await expect(edit).toBeFocused();
    await edit.press('Enter');
    await expect(userDataValue(item, 'Priority')).toHaveText('high');
    expect((await mock.interaction(ID))?.userData?.Priority).toBe('high');
    expect((await mock.log()).map((r) => r.operationName).filter(Boolean)).toEqual(['Accept', 'AttachUserData']);
  });

  test('what the agent typed stays on the card when the interaction ends under the open editor, and copies', async ({ page, mock }) => {
    const item = card(page, SUBJECT);
    await item.getByRole('button', { name: 'Edit Priority' }).click();
    const typed = 'high: promised a callback on Friday';
    await item.getByRole('textbox', { name: 'New value for Priority' }).fill(typed);
    // A supervisor completes it on the server: the card moves to Recently ended, a new card there.
    const server = await mock.interaction(ID);
    await mock.raw({
      messageType: 'OpenmediaStateChangeMessage',
      notificationType: 'StatusChange',
      openmedia: { ...server, state: 'Completed', capabilities: [] },
    });
    await expect(page.getByRole('heading', { name: /^Recently ended/ })).toBeVisible();
    await expect(item.getByText('This interaction has ended')).toBeVisible();
    const note = item.getByRole('alert');
    await expect(note).toContainText('Your change to Priority was not saved');
    await expect(note.getByText(typed)).toBeVisible();
    await expect(userDataValue(item, 'Priority')).toHaveText('low');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await note.getByRole('button', { name: 'Copy' }).click();
    await expect(note.getByText('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(typed);
    await note.getByRole('button', { name: 'Dismiss' }).click();
    await expect(item.getByRole('alert')).toHaveCount(0);
    expect((await mock.log()).map((r) => r.operationName).filter(Boolean)).toEqual(['Accept']);
  });

  test("the editor's code, whose download failed once, loads on Try again (Chromium keeps a failed import)", async ({ page }) => {
    const item = card(page, SUBJECT);
    const requested: string[] = [];
    let block = true;
    await page.route(/\/user-data-value-form-[^/]+\.js(\?.*)?$/, (route) => {
      requested.push(new URL(route.request().url()).search);
      return block ? route.abort('internetdisconnected') : route.continue();
    });
    await item.getByRole('button', { name: 'Edit Priority' }).click();
    const alert = item.getByRole('alert');
    await expect(alert).toContainText('Could not load this form.');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeFocused();
    // The network is back.
    block = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    const field = item.getByRole('textbox', { name: 'New value for Priority' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('low');
    expect(requested).toEqual(['', '?omw-retry=1']);
  });
});
