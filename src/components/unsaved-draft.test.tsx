import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resource, statusChange } from '../test-support/harness';
import { renderWidget } from '../test-support/render-widget';
import { preloadLazyPartsForTests } from './lazy-parts';
import { createUnsavedDrafts } from './unsaved-draft';

const card = (name: string) => screen.getByRole('article', { name });

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
    await emit(statusChange(resource('p1', 'Processing', 'workitem', { Subject: 'Refund', Note: 'called once' })));
    await user.click(within(card('Refund')).getByRole('button', { name: 'Edit Note' }));
    const field = within(card('Refund')).getByRole('textbox', { name: 'New value for Note' });
    await user.clear(field);
    await user.type(field, 'called twice, promised a refund by Friday');
    // A supervisor completes it meanwhile: the card moves to Recently ended (a new card there).
    await emit(statusChange(resource('p1', 'Completed', 'workitem', { Subject: 'Refund', Note: 'called once' })));
    expect(screen.getByRole('heading', { name: 'Recently ended 1' })).toBeInTheDocument();
    const ended = card('Refund');
    expect(within(ended).getByText('This interaction has ended')).toBeInTheDocument();
    const note = within(ended).getByRole('alert');
    expect(note).toHaveTextContent('Your change to Note was not saved: the interaction changed and the editor closed.');
    expect(within(note).getByText('called twice, promised a refund by Friday')).toBeVisible();
    // The server's value is what the list shows.
    expect(within(ended).getByText('called once')).toBeInTheDocument();
    await user.click(within(note).getByRole('button', { name: 'Dismiss' }));
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps nothing when nothing was typed', async () => {
    const { user, emit } = await renderWidget();
    await emit(statusChange(resource('p1', 'Processing', 'workitem', { Subject: 'Refund', Note: 'called once' })));
    await user.click(within(card('Refund')).getByRole('button', { name: 'Edit Note' }));
    await emit(statusChange(resource('p1', 'Completed', 'workitem', { Subject: 'Refund', Note: 'called once' })));
    expect(within(card('Refund')).getByText('This interaction has ended')).toBeInTheDocument();
    expect(within(card('Refund')).queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('createUnsavedDrafts', () => {
  it('hands a draft over once, and keeps the latest ones only', () => {
    const drafts = createUnsavedDrafts(2);
    drafts.leave('a', { key: 'Note', value: '1', adding: false });
    drafts.leave('b', { key: 'Note', value: '2', adding: false });
    drafts.leave('a', { key: 'Note', value: '3', adding: false });
    drafts.leave('c', { key: 'Note', value: '4', adding: false });
    expect(drafts.take('b')).toBeUndefined();
    expect(drafts.take('a')).toEqual({ key: 'Note', value: '3', adding: false });
    expect(drafts.take('a')).toBeUndefined();
    expect(drafts.take('c')?.value).toBe('4');
  });
});
