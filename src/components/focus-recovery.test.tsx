import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InteractionEntry } from '../core/types';
import { makeEntry } from '../test-support/entries';
import { advanceTimers } from '../test-support/fake-timers';
import { resource, statusChange } from '../test-support/harness';
import { InteractionCard } from './interaction-card';
import { OpenmediaWidgetView } from './openmedia-widget-view';
import { renderWidget } from '../test-support/render-widget';

// When the card that holds keyboard focus goes (evicted after the linger, or gone for any other
// reason), focus moves to the card that took its place, else the one before it, else the widget's
// heading; never away from wherever else the agent is working.

const LINGER_MS = 60_000;
const card = (name: string) => screen.getByRole('article', { name });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('focus recovery when the focused card is evicted', () => {
  async function setup(extra?: ReactNode) {
    const { user, emit } = await renderWidget(undefined, extra);
    return { user, emit };
  }

  /** Completes `name` from the keyboard (Enter on its Complete button); GWS confirms with `referenceId`. */
  async function completeFromKeyboard(
    tools: Awaited<ReturnType<typeof setup>>,
    name: string,
    id: string,
    referenceId: number,
  ) {
    act(() => within(card(name)).getByRole('button', { name: 'Complete' }).focus());
    await tools.user.keyboard('{Enter}');
    await advanceTimers();
    await tools.emit(statusChange(resource(id, 'Completed', 'workitem', { Subject: name }), referenceId));
    // The Complete button is gone: focus stays on the ended card (the existing recovery).
    expect(within(card(name)).getByText('This interaction has ended')).toBeInTheDocument();
    expect(card(name)).toHaveFocus();
  }

  it('moves focus to the next card in display order', async () => {
    const tools = await setup();
    // Newest first within a group: Alpha (newer) comes before Beta in "Recently ended".
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);
    await advanceTimers(LINGER_MS / 2);
    await tools.emit(statusChange(resource('b', 'Completed', 'workitem', { Subject: 'Beta' })));
    expect(screen.getByRole('list', { name: /^Recently ended/ })).toContainElement(card('Beta'));
    expect(card('Alpha')).toHaveFocus();

    await advanceTimers(LINGER_MS / 2 + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(card('Beta')).toHaveFocus();
  });

  it('moves focus to the previous card when the evicted card was the last one', async () => {
    const tools = await setup();
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(card('Beta')).toHaveFocus();
  });

  it('moves focus to the widget heading when no card is left', async () => {
    const tools = await setup();
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByText('No interactions right now')).toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'My work' });
    expect(within(region).getByRole('heading', { name: 'My work', level: 2 })).toHaveFocus();
  });

  it('moves focus in the background when the window lost focus meanwhile', async () => {
    const tools = await setup();
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);
    // Another window took focus: the card is blurred but stays the document's focused element.
    fireEvent.focusOut(card('Alpha'), { relatedTarget: null });
    await advanceTimers();
    expect(card('Alpha')).toHaveFocus();

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(card('Beta')).toHaveFocus();
  });

  it('leaves focus on the page once the agent clicked outside any control', async () => {
    const tools = await setup();
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);
    await tools.user.click(document.body);
    await advanceTimers();
    expect(document.body).toHaveFocus();

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(document.body).toHaveFocus();
  });

  it('leaves focus in another card alone', async () => {
    const tools = await setup();
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' })));
    const setInFocus = within(card('Beta')).getByRole('button', { name: 'Set in focus' });
    act(() => setInFocus.focus());

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(setInFocus).toHaveFocus();
  });

  it('leaves focus alone once the agent moved on to the host page', async () => {
    const tools = await setup(<input aria-label="Call notes" />);
    await tools.emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await tools.emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await completeFromKeyboard(tools, 'Alpha', 'a', 101);
    const notes = screen.getByRole('textbox', { name: 'Call notes' });
    await tools.user.click(notes);
    await tools.user.keyboard('Customer called back');

    await advanceTimers(LINGER_MS + 2_000);
    expect(screen.queryByRole('article', { name: 'Alpha' })).not.toBeInTheDocument();
    expect(notes).toHaveFocus();
    expect(notes).toHaveValue('Customer called back');
  });
});

describe('focus recovery when a server change closes the Transfer dialog', () => {
  async function openTransfer() {
    const { user, emit } = await renderWidget();
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Transfer' }));
    await advanceTimers();
    const uri = within(screen.getByRole('dialog', { name: 'Transfer “Alpha”' })).getByRole('textbox', { name: 'Target URI' });
    await user.type(uri, 'http://gws.example/api/v2/users/scully');
    expect(uri).toHaveFocus();
    return { user, emit };
  }

  it('moves focus to the card when Transfer is no longer allowed', async () => {
    const { emit } = await openTransfer();
    await emit({ ...statusChange({ ...resource('a', 'Processing', 'workitem', { Subject: 'Alpha' }), capabilities: ['Complete'] }), notificationType: 'PropertiesUpdated' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();
  });

  it('moves focus to the ended card when the interaction ended elsewhere', async () => {
    const { emit } = await openTransfer();
    await emit(statusChange(resource('a', 'Completed', 'workitem', { Subject: 'Alpha' })));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(card('Alpha')).getByText('This interaction has ended')).toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();
  });

  it('still gives focus back to the Transfer button when the agent closes it', async () => {
    const { user } = await openTransfer();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(card('Alpha')).getByRole('button', { name: 'Transfer' })).toHaveFocus();
  });
});

describe('focus recovery when a server change closes an inline editor', () => {
  async function openEditor(open: (alpha: HTMLElement) => HTMLElement) {
    const { user, emit } = await renderWidget();
    await emit(statusChange(resource('b', 'Processing', 'workitem', { Subject: 'Beta' })));
    await emit(statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha', Segment: 'silver' })));
    await user.click(open(card('Alpha')));
    await advanceTimers();
    return { user, emit };
  }
  const withCapabilities = (capabilities: string[]) => ({
    ...statusChange({ ...resource('a', 'Processing', 'workitem', { Subject: 'Alpha', Segment: 'silver' }), capabilities }),
    notificationType: 'PropertiesUpdated',
  });

  it('moves focus to the card when the value editor can no longer save', async () => {
    const { user, emit } = await openEditor((alpha) => within(alpha).getByRole('button', { name: 'Edit Segment' }));
    const input = within(card('Alpha')).getByRole('textbox', { name: 'New value for Segment' });
    await user.type(input, 'gold');
    expect(input).toHaveFocus();
    await emit(withCapabilities(['Complete']));
    expect(within(card('Alpha')).queryByRole('textbox')).not.toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();
  });

  it('moves focus to the card when the Add form or a delete confirmation closes the same way', async () => {
    const { user, emit } = await openEditor((alpha) => within(alpha).getByRole('button', { name: 'Add data' }));
    expect(within(card('Alpha')).getByRole('textbox', { name: 'Key' })).toHaveFocus();
    await emit(withCapabilities(['DeleteUserData', 'Complete']));
    expect(within(card('Alpha')).queryByRole('textbox', { name: 'Key' })).not.toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();

    await user.click(within(card('Alpha')).getByRole('button', { name: 'Delete Segment' }));
    expect(within(card('Alpha')).getByRole('button', { name: 'Keep' })).toHaveFocus();
    await emit(withCapabilities(['Complete']));
    expect(within(card('Alpha')).queryByRole('button', { name: 'Keep' })).not.toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();
  });

  it('moves focus to the card when the row whose Delete had focus goes (the key deleted as asked)', async () => {
    const { user, emit } = await openEditor((alpha) => within(alpha).getByRole('button', { name: 'Delete Segment' }));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Yes, delete' }));
    // Focus is back on the row's Delete button (busy while the request is out).
    expect(within(card('Alpha')).getByRole('button', { name: 'Delete Segment' })).toHaveFocus();
    await emit({
      ...statusChange(resource('a', 'Processing', 'workitem', { Subject: 'Alpha' })),
      notificationType: 'PropertiesUpdated',
    });
    expect(within(card('Alpha')).queryByRole('button', { name: 'Delete Segment' })).not.toBeInTheDocument();
    expect(card('Alpha')).toHaveFocus();
  });

  it('leaves focus where the agent put it outside the card', async () => {
    const { emit } = await openEditor((alpha) => within(alpha).getByRole('button', { name: 'Edit Segment' }));
    const elsewhere = within(card('Beta')).getByRole('button', { name: 'Complete' });
    act(() => elsewhere.focus());
    await emit(withCapabilities(['Complete']));
    expect(elsewhere).toHaveFocus();
  });
});

describe('focus recovery when a focused card leaves the list', () => {
  const entries = {
    alpha: makeEntry({ id: 'a', userData: { Subject: 'Alpha' } }),
    beta: makeEntry({ id: 'b', userData: { Subject: 'Beta' } }),
    gamma: makeEntry({ id: 'c', userData: { Subject: 'Gamma' } }),
  };

  function renderView(list: readonly InteractionEntry[], extra?: ReactNode) {
    const renderCard = (entry: InteractionEntry, headingLevel: 4) => (
      <InteractionCard entry={entry} onPerform={vi.fn()} onDismissError={vi.fn()} headingLevel={headingLevel} />
    );
    const view = (shown: readonly InteractionEntry[]) => (
      <>
        <OpenmediaWidgetView title="My work" entries={shown} renderCard={renderCard} status="connected" />
        {extra}
      </>
    );
    const utils = render(view(list));
    return { show: (shown: readonly InteractionEntry[]) => utils.rerender(view(shown)) };
  }

  const completeIn = (name: string) => within(card(name)).getByRole('button', { name: 'Complete' });

  it('from a button inside the card to the card that took its place', () => {
    const { show } = renderView([entries.alpha, entries.beta, entries.gamma]);
    act(() => completeIn('Beta').focus());
    show([entries.alpha, entries.gamma]);
    expect(card('Gamma')).toHaveFocus();
  });

  it('to the previous card when the last card goes', () => {
    const { show } = renderView([entries.alpha, entries.beta, entries.gamma]);
    act(() => card('Gamma').focus());
    show([entries.alpha, entries.beta]);
    expect(card('Beta')).toHaveFocus();
  });

  it('to the card that took its place when its neighbours go with it', () => {
    const { show } = renderView([entries.alpha, entries.beta, entries.gamma]);
    act(() => completeIn('Alpha').focus());
    show([entries.gamma]);
    expect(card('Gamma')).toHaveFocus();
  });

  it('to the widget heading when the list empties', () => {
    const { show } = renderView([entries.alpha]);
    act(() => completeIn('Alpha').focus());
    show([]);
    expect(screen.getByRole('heading', { name: 'My work', level: 2 })).toHaveFocus();
  });

  it('without scrolling when the card is on screen, with the browser scrolling it into view when it is not', () => {
    const onScreen = new DOMRect(0, 300, 400, 200);
    const offScreen = new DOMRect(0, 2_000, 400, 200);
    for (const [rect, preventScroll] of [[onScreen, true], [offScreen, false]] as const) {
      const { show } = renderView([entries.alpha, entries.beta]);
      const beta = card('Beta');
      vi.spyOn(beta, 'getBoundingClientRect').mockReturnValue(rect);
      const focus = vi.spyOn(beta, 'focus');
      act(() => card('Alpha').focus());
      show([entries.beta]);
      expect(beta).toHaveFocus();
      expect(focus).toHaveBeenCalledWith({ preventScroll });
      cleanup();
    }
  });

  it('not when the focus is in another card', () => {
    const { show } = renderView([entries.alpha, entries.beta]);
    act(() => completeIn('Alpha').focus());
    show([entries.alpha]);
    expect(completeIn('Alpha')).toHaveFocus();
  });

  it('not when the focus is outside the widget', () => {
    const { show } = renderView([entries.alpha, entries.beta], <button type="button">Host action</button>);
    act(() => card('Alpha').focus());
    act(() => screen.getByRole('button', { name: 'Host action' }).focus());
    show([entries.beta]);
    expect(screen.getByRole('button', { name: 'Host action' })).toHaveFocus();
  });
});

describe('focus recovery for the widget controls outside the cards', () => {
  it('Reconnect, gone once pressed from the keyboard, hands focus to the widget heading (not the page)', async () => {
    const { user, harness } = await renderWidget();
    act(() => harness.channel.setStatus('unauthorized'));
    const reconnect = within(screen.getByRole('status')).getByRole('button', { name: 'Reconnect' });
    act(() => reconnect.focus());
    await user.keyboard('{Enter}');
    await advanceTimers(500);
    expect(screen.queryByRole('button', { name: 'Reconnect' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'My work', level: 2 })).toHaveFocus();
  });

  it('not when the agent had moved focus out of the widget before the button went', async () => {
    const { harness } = await renderWidget(undefined, <button type="button">Host action</button>);
    act(() => harness.channel.setStatus('unauthorized'));
    act(() => within(screen.getByRole('status')).getByRole('button', { name: 'Reconnect' }).focus());
    act(() => screen.getByRole('button', { name: 'Host action' }).focus());
    act(() => harness.channel.setStatus('connected'));
    await advanceTimers(500);
    expect(screen.getByRole('button', { name: 'Host action' })).toHaveFocus();
  });
});
