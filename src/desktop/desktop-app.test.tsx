import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createGwsClient } from '../api/client';
import { createMemoryChannel } from '../channel/memory-channel';
import { resource, scriptedGws, statusChange } from '../test-support/harness';
import { DesktopApp } from './desktop-app';

function renderDesktop() {
  const channel = createMemoryChannel();
  const gws = scriptedGws();
  render(<DesktopApp connection={{ channel, gwsClient: createGwsClient({ fetch: gws.fetch }), mediaTypes: ['workitem'] }} origin="http://desk.test" />);
  return { channel, gws };
}

describe('DesktopApp', () => {
  it('shows the desktop content beside both widget views, which share one connection', async () => {
    const { channel } = renderDesktop();
    expect(screen.getByRole('heading', { name: 'Northwind contact center' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /Today’s calls/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'My interactions' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Focused interaction' })).toBeInTheDocument();
    expect(screen.getByText('Nothing in focus')).toBeInTheDocument();
    // Both views (and every card) share the provider's single channel subscription.
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
  });

  it('moves the interaction put in focus into the focused panel and the notes', async () => {
    const user = userEvent.setup();
    const { channel, gws } = renderDesktop();
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Refund review' }))));
    const list = screen.getByRole('region', { name: 'My interactions' });
    const card = await within(list).findByRole('article', { name: 'Refund review' });

    await user.click(within(card).getByRole('button', { name: 'Set in focus' }));
    await waitFor(() => expect(gws.requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Refund review' }), 101)));

    const focusPanel = screen.getByRole('region', { name: 'Focused interaction' });
    expect(await within(focusPanel).findByRole('article', { name: 'Refund review' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Notes for Refund review')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status', { name: 'Last action' })).toHaveTextContent('SetInFocus on w1 succeeded'));
  });

  it('keeps the notes of each interaction: another one in focus has its own, and coming back shows the first again', async () => {
    const user = userEvent.setup();
    const { channel, gws } = renderDesktop();
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => {
      channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Refund review' })));
      channel.emit(statusChange(resource('w2', 'Processing', 'workitem', { Subject: 'Address change' })));
    });
    const list = screen.getByRole('region', { name: 'My interactions' });
    const posts = () => gws.requests.filter((r) => r.method === 'POST').length;
    /** Set in focus on the card, and the notification that confirms it (the scripted GWS numbers references from 101). */
    async function focus(subject: string, id: string) {
      const before = posts();
      await user.click(within(await within(list).findByRole('article', { name: subject })).getByRole('button', { name: 'Set in focus' }));
      await waitFor(() => expect(posts()).toBe(before + 1));
      act(() => channel.emit(statusChange(resource(id, 'Processing', 'workitem', { Subject: subject }), 101 + before)));
      return screen.findByLabelText(`Notes for ${subject}`);
    }

    await user.type(await focus('Refund review', 'w1'), 'Customer wants it by Friday');
    expect(await focus('Address change', 'w2')).toHaveValue('');
    expect(await focus('Refund review', 'w1')).toHaveValue('Customer wants it by Friday');
  });

  it('switches the agent state and the theme', async () => {
    const user = userEvent.setup();
    renderDesktop();
    await user.selectOptions(screen.getByLabelText('Agent state'), 'On break');
    expect(screen.getByText('Agent state: On break')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.querySelector('.desk')).toHaveAttribute('data-theme', 'dark');
  });
});
