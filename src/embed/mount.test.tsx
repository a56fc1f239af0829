import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryChannel } from '../channel/memory-channel';
import { resource, statusChange } from '../test-support/harness';
import { OPENMEDIA_ACTION_EVENT, OPENMEDIA_FOCUS_EVENT } from './dom-events';
import type { OpenmediaActionEventDetail, OpenmediaFocusEventDetail } from './dom-events';
import { createEmbedFixture } from '../test-support/embed-fixture';
import { mountOpenmediaWidget } from './mount';
import type { MountedOpenmediaWidget } from './mount';

const mountedWidgets: MountedOpenmediaWidget[] = [];

function mountInto(options: Parameters<typeof mountOpenmediaWidget>[1]) {
  const element = document.createElement('div');
  document.body.append(element);
  let widget!: MountedOpenmediaWidget;
  act(() => {
    widget = mountOpenmediaWidget(element, options);
  });
  mountedWidgets.push(widget);
  return { element, widget };
}

afterEach(() => {
  act(() => {
    for (const widget of mountedWidgets.splice(0)) widget.unmount();
  });
  document.body.replaceChildren();
  document.head.querySelectorAll('style[data-openmedia-widget-styles]').forEach((style) => style.remove());
});

describe('mountOpenmediaWidget', () => {
  it('renders the widget into a plain element and shows what the channel pushes', async () => {
    const { channel, gwsClient } = createEmbedFixture();
    const { element } = mountInto({ channel, gwsClient, mediaTypes: ['workitem'], title: 'Embedded' });
    expect(await screen.findByRole('region', { name: 'Embedded' })).toBeInTheDocument();
    expect(element.querySelector('.omw-root')).not.toBeNull();
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'New offer' }))));
    expect(await screen.findByRole('article', { name: 'New offer' })).toBeInTheDocument();
  });

  it('adds the stylesheet to the document once, and not at all when told not to', async () => {
    const first = createEmbedFixture();
    const second = createEmbedFixture();
    mountInto({ channel: first.channel, gwsClient: first.gwsClient, mediaTypes: ['workitem'] });
    mountInto({ channel: second.channel, gwsClient: second.gwsClient, mediaTypes: ['workitem'] });
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(2));
    expect(document.head.querySelectorAll('style[data-openmedia-widget-styles]')).toHaveLength(1);

    document.head.querySelectorAll('style[data-openmedia-widget-styles]').forEach((style) => style.remove());
    const third = createEmbedFixture();
    mountInto({ channel: third.channel, gwsClient: third.gwsClient, mediaTypes: ['workitem'], injectStyles: false });
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(3));
    expect(document.head.querySelectorAll('style[data-openmedia-widget-styles]')).toHaveLength(0);
  });

  it('adds no element rule for the element it is mounted into (it may be any of the host\'s)', async () => {
    // Unit tests load CSS files empty; the pack test checks that embed.js and the linked
    // stylesheet carry the widget's, the offer-alert controls' and <openmedia-widget>'s rules.
    const { channel, gwsClient } = createEmbedFixture();
    mountInto({ channel, gwsClient, mediaTypes: ['workitem'] });
    await waitFor(() => expect(screen.getByRole('region')).toBeInTheDocument());
    expect(document.head.querySelectorAll('style[data-openmedia-widget-element]')).toHaveLength(0);
  });

  it("inside a host's shadow root, the stylesheet goes into that shadow root (once), not the document", async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const widgets = [createEmbedFixture(), createEmbedFixture()].map(({ channel, gwsClient }) => {
      const element = document.createElement('div');
      shadow.append(element);
      let widget!: MountedOpenmediaWidget;
      act(() => {
        widget = mountOpenmediaWidget(element, { channel, gwsClient, mediaTypes: ['workitem'] });
      });
      mountedWidgets.push(widget);
      return element;
    });
    await waitFor(() => expect(within(widgets[1]!).getByRole('region')).toBeInTheDocument());
    expect(shadow.querySelectorAll('style[data-openmedia-widget-styles]')).toHaveLength(1);
    expect(shadow.firstChild).toBe(shadow.querySelector('style[data-openmedia-widget-styles]'));
    expect(document.head.querySelectorAll('style[data-openmedia-widget-styles]')).toHaveLength(0);
  });

  it('dispatches a cancelable openmedia-action before an action; preventDefault vetoes it', async () => {
    const user = userEvent.setup();
    const { channel, gwsClient, posts } = createEmbedFixture();
    const { element } = mountInto({ channel, gwsClient, mediaTypes: ['workitem'] });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Offer' }))));
    const card = await screen.findByRole('article', { name: 'Offer' });

    const heard: OpenmediaActionEventDetail[] = [];
    // Listening on the document proves the event bubbles out of the element.
    const listener = (event: Event) => {
      const { detail } = event as CustomEvent<OpenmediaActionEventDetail>;
      heard.push(detail);
      expect(event.target).toBe(element);
      if (detail.phase === 'before') {
        expect(event.cancelable).toBe(true);
        event.preventDefault();
      }
    };
    document.addEventListener(OPENMEDIA_ACTION_EVENT, listener);
    try {
      await user.click(within(card).getByRole('button', { name: 'Accept' }));
      await waitFor(() => expect(heard).toHaveLength(2));
    } finally {
      document.removeEventListener(OPENMEDIA_ACTION_EVENT, listener);
    }
    expect(heard[0]).toEqual({ phase: 'before', interactionId: 'w1', request: { operationName: 'Accept' } });
    expect(heard[1]).toEqual({ phase: 'after', interactionId: 'w1', request: { operationName: 'Accept' }, outcome: { status: 'vetoed' } });
    expect(posts()).toHaveLength(0);
    expect(await within(card).findByRole('alert')).toHaveTextContent('This action was not allowed by your desktop.');
  });

  it('lets an action through, reports its outcome, and dispatches openmedia-focus', async () => {
    const user = userEvent.setup();
    const { channel, gwsClient, posts } = createEmbedFixture();
    const { element } = mountInto({ channel, gwsClient, mediaTypes: ['workitem'] });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Work' }))));
    const card = await screen.findByRole('article', { name: 'Work' });

    const actions: OpenmediaActionEventDetail[] = [];
    const focused: OpenmediaFocusEventDetail[] = [];
    element.addEventListener(OPENMEDIA_ACTION_EVENT, (event) => actions.push((event as CustomEvent<OpenmediaActionEventDetail>).detail));
    element.addEventListener(OPENMEDIA_FOCUS_EVENT, (event) => focused.push((event as CustomEvent<OpenmediaFocusEventDetail>).detail));

    await user.click(within(card).getByRole('button', { name: 'Set in focus' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toEqual({ operationName: 'SetInFocus' });
    // The scripted GWS answered referenceId 101; the outcome notification carries it.
    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Work' }), 101)));

    await waitFor(() => expect(actions.map((a) => a.phase)).toEqual(['before', 'after']));
    expect(actions[1]).toMatchObject({ phase: 'after', outcome: { status: 'succeeded' } });
    await waitFor(() => expect(focused).toHaveLength(1));
    expect(focused[0]?.interaction.id).toBe('w1');
    expect(focused[0]?.fromAnotherTab).toBe(false);
  });

  it('vetoes through the onAction callback as well', async () => {
    const user = userEvent.setup();
    const { channel, gwsClient, posts } = createEmbedFixture();
    mountInto({ channel, gwsClient, mediaTypes: ['workitem'], onAction: (event) => (event.phase === 'before' ? false : undefined) });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Offer' }))));
    const card = await screen.findByRole('article', { name: 'Offer' });
    await user.click(within(card).getByRole('button', { name: 'Reject' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('not allowed by your desktop');
    expect(posts()).toHaveLength(0);
  });

  it('re-renders on a view update and reconnects only when a connection option changes', async () => {
    const { channel, gwsClient } = createEmbedFixture();
    const { element, widget } = mountInto({ channel, gwsClient, mediaTypes: ['workitem'], title: 'One' });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Kept' }))));
    await screen.findByRole('article', { name: 'Kept' });

    act(() => widget.update({ title: 'Two', theme: 'dark' }));
    expect(await screen.findByRole('region', { name: 'Two' })).toBeInTheDocument();
    expect(element.querySelector('.omw-root')).toHaveAttribute('data-theme', 'dark');
    // Same connection: the interaction is still there and the channel still has one listener.
    expect(screen.getByRole('article', { name: 'Kept' })).toBeInTheDocument();
    expect(channel.listenerCount()).toBe(1);

    // An equal media type list is not a change.
    act(() => widget.update({ mediaTypes: ['workitem'] }));
    expect(channel.listenerCount()).toBe(1);

    const other = createMemoryChannel();
    act(() => widget.update({ channel: other }));
    await waitFor(() => expect(other.listenerCount()).toBe(1));
    await waitFor(() => expect(channel.listenerCount()).toBe(0));
    expect(screen.queryByRole('article', { name: 'Kept' })).not.toBeInTheDocument();
  });

  it('unmounts (idempotently), disconnects, and refuses a second widget on the same element', async () => {
    const { channel, gwsClient } = createEmbedFixture();
    const { element, widget } = mountInto({ channel, gwsClient, mediaTypes: ['workitem'] });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    expect(() => mountOpenmediaWidget(element, { channel, gwsClient })).toThrow(/already shows a widget/);

    act(() => widget.unmount());
    act(() => widget.unmount());
    expect(element).toBeEmptyDOMElement();
    await waitFor(() => expect(channel.listenerCount()).toBe(0));
    // Updating an unmounted widget does nothing (and does not bring it back).
    act(() => widget.update({ title: 'Back?' }));
    expect(element).toBeEmptyDOMElement();

    // The element is free again.
    let again!: MountedOpenmediaWidget;
    act(() => {
      again = mountOpenmediaWidget(element, { channel, gwsClient, mediaTypes: ['workitem'] });
    });
    mountedWidgets.push(again);
    expect(await screen.findByRole('region')).toBeInTheDocument();
  });
});
