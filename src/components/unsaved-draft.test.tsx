import { act, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import { createHarness, listOnServer, resource, statusChange } from '../test-support/harness';
import { renderWidget } from '../test-support/render-widget';
import { preloadLazyPartsForTests } from './lazy-parts';
import { OpenmediaWidget } from './openmedia-widget';
import { createUnsavedDrafts } from './unsaved-draft';

const card = (name: string) => screen.getByRole('article', { name });
const processing = (userData: Record<string, string>, capabilities?: string[]) => {
  const r = resource('p1', 'Processing', 'workitem', userData);
  return statusChange(capabilities ? { ...r, capabilities } : r);
};
const completed = (userData: Record<string, string>) => statusChange(resource('p1', 'Completed', 'workitem', userData));

/** Opens `key`'s editor on the Refund card and types `text` after its value. */
async function typeInto(user: ReturnType<typeof setupWithFakeTimers>, key: string, text: string) {
  await user.click(within(card('Refund')).getByRole('button', { name: `Edit ${key}` }));
  await user.type(within(card('Refund')).getByRole('textbox', { name: `New value for ${key}` }), text);
}

beforeAll(async () => {
  await preloadLazyPartsForTests();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('what the agent typed when the interaction ends under an open editor', () => {
  it('goes with the card to Recently ended, said as not saved, until dismissed', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await user.click(within(card('Refund')).getByRole('button', { name: 'Edit Note' }));
    const field = within(card('Refund')).getByRole('textbox', { name: 'New value for Note' });
    await user.clear(field);
    await user.type(field, 'by Friday');
    // A supervisor completes it meanwhile: the card moves to Recently ended (a new card there).
    await emit(completed({ Subject: 'Refund', Note: 'called once' }));
    expect(screen.getByRole('heading', { name: 'Recently ended 1' })).toBeInTheDocument();
    const ended = card('Refund');
    expect(within(ended).getByText('This interaction has ended')).toBeInTheDocument();
    const note = within(ended).getByRole('alert');
    expect(note).toHaveTextContent('Your change to Note was not saved: the interaction changed and the editor closed.');
    expect(within(note).getByText('by Friday')).toBeVisible();
    // The server's value is what the list shows.
    expect(within(ended).getByText('called once')).toBeInTheDocument();
    await user.click(within(note).getByRole('button', { name: 'Dismiss' }));
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps nothing when nothing was typed', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await user.click(within(card('Refund')).getByRole('button', { name: 'Edit Note' }));
    await emit(completed({ Subject: 'Refund', Note: 'called once' }));
    expect(within(card('Refund')).getByText('This interaction has ended')).toBeInTheDocument();
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stays in the widget, under "Not saved", once the ended card has left the list, until dismissed', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await typeInto(user, 'Note', ', Friday');
    await emit(completed({ Subject: 'Refund', Note: 'called once' }));
    // The agent was away longer than the linger: the ended card is gone.
    await advanceTimers(61_000);
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    const kept = screen.getByRole('group', { name: 'Not saved 1' });
    const note = within(kept).getByRole('group', { name: 'Your change to Note was not saved: the interaction changed and the editor closed.' });
    expect(within(note).getByText('Refund')).toBeVisible();
    expect(within(note).getByText('called once, Friday')).toBeVisible();
    await user.click(within(note).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('group', { name: /^Not saved/ })).not.toBeInTheDocument();
  });

  it('keeps every draft not dismissed: one on show and one being typed both follow the card', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once', Reason: 'late' }));
    await typeInto(user, 'Note', ' FIRST');
    // The server withdraws user-data changes for a moment: the first draft is a note.
    await emit(processing({ Subject: 'Refund', Note: 'called once', Reason: 'late' }, ['SetInFocus', 'Complete']));
    expect(within(card('Refund')).getByRole('alert')).toHaveTextContent('called once FIRST');
    await emit(processing({ Subject: 'Refund', Note: 'called once', Reason: 'late' }));
    await typeInto(user, 'Reason', ' SECOND');
    await emit(completed({ Subject: 'Refund', Note: 'called once', Reason: 'late' }));
    const ended = card('Refund');
    expect(within(ended).getByText('This interaction has ended')).toBeInTheDocument();
    // The first was announced on the card before: a group now, not a new alert; the second is news.
    expect(within(ended).getByRole('group', { name: /Your change to Note/ })).toHaveTextContent('called once FIRST');
    expect(within(ended).getByRole('alert')).toHaveTextContent('late SECOND');
  });

  it('keeps the Transfer target and the editor text both when the interaction ends with both open', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await typeInto(user, 'Note', ' X');
    await user.click(within(card('Refund')).getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Target URI' }), 'http://gws/q');
    await emit(completed({ Subject: 'Refund', Note: 'called once' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const notes = within(card('Refund')).getAllByRole('alert');
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringContaining('called once X'),
      expect.stringContaining('The transfer was not sent'),
    ]);
    expect(within(notes[1]!).getByText('http://gws/q')).toBeVisible();
  });

  it('is handed over once under StrictMode', async () => {
    const harness = createHarness({ mediaTypes: ['workitem'] });
    const user = setupWithFakeTimers();
    const Wrapper = harness.wrapper;
    render(
      <StrictMode>
        <Wrapper>
          <OpenmediaWidget title="My work" />
        </Wrapper>
      </StrictMode>,
    );
    await advanceTimers();
    const emit = async (data: unknown) => {
      listOnServer(harness.gws, data);
      act(() => harness.channel.emit(data));
      await advanceTimers();
    };
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await typeInto(user, 'Note', ' X');
    await emit(completed({ Subject: 'Refund', Note: 'called once' }));
    expect(within(card('Refund')).getAllByRole('alert').map((a) => a.textContent?.includes('called once X'))).toEqual([true]);
    await user.click(within(card('Refund')).getByRole('button', { name: 'Dismiss' }));
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps nothing of an Add form holding only spaces', async () => {
    const { user, emit } = await renderWidget();
    await emit(processing({ Subject: 'Refund' }));
    await user.click(within(card('Refund')).getByRole('button', { name: 'Add data' }));
    await user.type(within(card('Refund')).getByRole('textbox', { name: 'Value' }), '   ');
    await emit(processing({ Subject: 'Refund' }, ['SetInFocus', 'Complete']));
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe("an action of the card's own while an editor is open", () => {
  it('leaves the editor open with what was typed, holds Save and says why, until the action ends', async () => {
    const { user, emit, harness } = await renderWidget();
    await emit(processing({ Subject: 'Refund', Note: 'called once' }));
    await typeInto(user, 'Note', ' again');
    await user.click(within(card('Refund')).getByRole('button', { name: 'Set in focus' }));
    await advanceTimers();
    const field = within(card('Refund')).getByRole('textbox', { name: 'New value for Note' });
    expect(field).toHaveValue('called once again');
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
    const save = within(card('Refund')).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('Set in focus sent, waiting for the server… Save waits until it is done.');
    const referenceId = harness.gws.requests.filter((r) => r.method === 'POST').length + 100;
    await emit(statusChange(resource('p1', 'Processing', 'workitem', { Subject: 'Refund', Note: 'called once' }), referenceId));
    expect(within(card('Refund')).getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(field).toHaveValue('called once again');
  });
});

describe('createUnsavedDrafts', () => {
  const draft = (value: string) => ({ key: 'Note', value, adding: false, subject: 'Refund' });

  it('keeps what an editor held once the server closed it, with the ones before, for every card of the interaction that mounts, until each is dismissed', () => {
    const drafts = createUnsavedDrafts();
    const first = draft('1');
    drafts.typing('a', first);
    expect(drafts.peek('a')).toEqual({ shown: [], typed: { editor: first } });
    expect(drafts.keep('a')).toEqual([first]);
    expect(drafts.peek('a')).toEqual({ shown: [first], typed: {} });
    // A new editor on the same card: closed by the agent, the note on show stays.
    drafts.typing('a', draft('2'));
    drafts.typing('a', undefined);
    expect(drafts.peek('a')).toEqual({ shown: [first], typed: { editor: undefined } });
    const second = draft('3');
    drafts.typing('a', second);
    drafts.keep('a');
    expect(drafts.peek('a').shown).toEqual([first, second]);
    expect(drafts.orphans(() => true)).toEqual([]);
    expect(drafts.orphans((id) => id !== 'a')).toEqual([
      { interactionId: 'a', draft: first },
      { interactionId: 'a', draft: second },
    ]);
    drafts.dismiss('a', first);
    drafts.dismiss('a', second);
    expect(drafts.peek('a')).toEqual({ shown: [], typed: {} });
    expect(drafts.keep('a')).toEqual([]);
  });

  it('keeps the latest interactions only', () => {
    const drafts = createUnsavedDrafts(2);
    drafts.typing('a', draft('1'));
    drafts.typing('b', draft('2'));
    drafts.typing('a', draft('3'));
    drafts.typing('c', draft('4'));
    expect(drafts.peek('b').typed.editor).toBeUndefined();
    expect(drafts.peek('a').typed.editor?.value).toBe('3');
    expect(drafts.peek('c').typed.editor?.value).toBe('4');
  });
});
