import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resource, statusChange } from '../test-support/harness';
import { OPENMEDIA_ACTION_EVENT, OPENMEDIA_CONFIG_ERROR_EVENT } from './dom-events';
import type { OpenmediaActionEventDetail, OpenmediaConfigErrorEventDetail } from './dom-events';
import { defineOpenmediaWidgetElement } from './element';
import type { OpenmediaWidgetElement } from './element';
import { createEmbedFixture } from '../test-support/embed-fixture';

defineOpenmediaWidgetElement();

/** An element wired to a memory channel, connected to the document (which mounts the widget). */
function createWidgetElement(attributes: Record<string, string>, tagName = 'openmedia-widget') {
  const fixture = createEmbedFixture();
  const element = document.createElement(tagName) as OpenmediaWidgetElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  // Set before connecting: without a channel the element would open a CometD connection.
  element.options = { channel: fixture.channel, gwsClient: fixture.gwsClient };
  act(() => {
    document.body.append(element);
  });
  return { element, ...fixture };
}

afterEach(async () => {
  act(() => document.body.replaceChildren());
  // Let the queued unmounts run.
  await act(async () => {
    await Promise.resolve();
  });
  vi.restoreAllMocks();
});

describe('<openmedia-widget>', () => {
  it('is defined once; defining it again returns the same class, another owner of the name throws', () => {
    const constructor = customElements.get('openmedia-widget');
    expect(constructor).toBeDefined();
    expect(defineOpenmediaWidgetElement()).toBe(constructor);
    customElements.define('someone-else', class extends HTMLElement {});
    expect(() => defineOpenmediaWidgetElement('someone-else')).toThrow(/already defined by another script/);
  });

  it('under another tag name it is a block too (once per name), unless the host links the stylesheet itself', async () => {
    defineOpenmediaWidgetElement('acme-openmedia');
    createWidgetElement({}, 'acme-openmedia');
    createWidgetElement({}, 'acme-openmedia');
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(2));
    const rules = [...document.head.querySelectorAll('style[data-openmedia-widget-element]')];
    expect(rules.map((style) => [style.getAttribute('data-openmedia-widget-element'), style.textContent])).toEqual([
      ['acme-openmedia', ':where(acme-openmedia){display:block}:where(acme-openmedia[hidden]){display:none}'],
    ]);
    // The stylesheet's own rule covers <openmedia-widget>: nothing more for it.
    createWidgetElement({});
    expect(document.head.querySelectorAll('style[data-openmedia-widget-element]')).toHaveLength(1);
    rules.forEach((style) => style.remove());
    const linked = document.createElement('acme-openmedia') as OpenmediaWidgetElement;
    const fixture = createEmbedFixture();
    linked.options = { channel: fixture.channel, gwsClient: fixture.gwsClient, injectStyles: false };
    act(() => document.body.append(linked));
    expect(document.head.querySelectorAll('style[data-openmedia-widget-element]')).toHaveLength(0);
  });

  it('renders from its attributes: heading, theme, media types, transfer targets', async () => {
    const user = userEvent.setup();
    const { element, channel } = createWidgetElement({
      heading: 'Desk',
      theme: 'dark',
      'media-types': 'workitem',
      'transfer-targets': JSON.stringify([{ name: 'Billing queue', uri: 'http://gws/api/v2/queues/billing', kind: 'queue' }]),
    });
    expect(await screen.findByRole('region', { name: 'Desk' })).toBeInTheDocument();
    expect(element.querySelector('.omw-root')).toHaveAttribute('data-theme', 'dark');
    await waitFor(() => expect(channel.listenerCount()).toBe(1));

    act(() => channel.emit(statusChange(resource('w1', 'Processing', 'workitem', { Subject: 'Case' }))));
    const card = await screen.findByRole('article', { name: 'Case' });
    await user.click(within(card).getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Billing queue')).toBeInTheDocument();
  });

  it('follows attribute changes without reconnecting, and a removed attribute returns to its default', async () => {
    const { element, channel } = createWidgetElement({ heading: 'Before', 'media-types': 'workitem' });
    await screen.findByRole('region', { name: 'Before' });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Stays' }))));
    await screen.findByRole('article', { name: 'Stays' });

    act(() => {
      element.setAttribute('heading', 'After');
      element.setAttribute('theme', 'dark');
    });
    expect(await screen.findByRole('region', { name: 'After' })).toBeInTheDocument();
    expect(element.querySelector('.omw-root')).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('article', { name: 'Stays' })).toBeInTheDocument();
    expect(channel.listenerCount()).toBe(1);

    act(() => element.removeAttribute('heading'));
    expect(await screen.findByRole('region', { name: 'Open media' })).toBeInTheDocument();
  });

  it('tells the page about unreadable attributes with an event and a warning, and still renders', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const problems: (readonly string[])[] = [];
    const onProblem = (event: Event) => problems.push((event as CustomEvent<OpenmediaConfigErrorEventDetail>).detail.problems);
    document.addEventListener(OPENMEDIA_CONFIG_ERROR_EVENT, onProblem);
    try {
      createWidgetElement({ 'transfer-targets': 'not json', theme: 'neon', heading: 'Still here' });
      expect(await screen.findByRole('region', { name: 'Still here' })).toBeInTheDocument();
    } finally {
      document.removeEventListener(OPENMEDIA_CONFIG_ERROR_EVENT, onProblem);
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual([expect.stringContaining('theme must be'), expect.stringContaining('transfer-targets is not valid JSON')]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('<openmedia-widget>');
  });

  it('reports each unreadable attribute once, when it appears: not again with every later change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const problems: OpenmediaConfigErrorEventDetail[] = [];
    const onProblem = (event: Event) => problems.push((event as CustomEvent<OpenmediaConfigErrorEventDetail>).detail);
    document.addEventListener(OPENMEDIA_CONFIG_ERROR_EVENT, onProblem);
    try {
      const { element } = createWidgetElement({ theme: 'neon', heading: 'First' });
      await screen.findByRole('region', { name: 'First' });
      await act(async () => {
        element.setAttribute('heading', 'Second');
        element.setAttribute('transfer-targets', 'not json');
        await Promise.resolve();
      });
      await screen.findByRole('region', { name: 'Second' });
      await act(async () => {
        element.setAttribute('heading', 'Third');
        await Promise.resolve();
      });
      await screen.findByRole('region', { name: 'Third' });
    } finally {
      document.removeEventListener(OPENMEDIA_CONFIG_ERROR_EVENT, onProblem);
    }
    expect(problems).toEqual([
      { problems: [expect.stringContaining('theme must be')], added: [expect.stringContaining('theme must be')] },
      { problems: [expect.stringContaining('theme must be'), expect.stringContaining('transfer-targets is not valid JSON')], added: [expect.stringContaining('transfer-targets is not valid JSON')] },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]?.[0])).not.toContain('theme must be');
  });

  it('tells a listener the page adds to the element right after defining it (an upgrade reads the attributes inside define)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fixture = createEmbedFixture();
    const element = document.createElement('openmedia-widget-listened') as OpenmediaWidgetElement;
    element.setAttribute('theme', 'purple');
    element.options = { channel: fixture.channel, gwsClient: fixture.gwsClient };
    act(() => {
      document.body.append(element);
      defineOpenmediaWidgetElement('openmedia-widget-listened');
    });
    const problems: (readonly string[])[] = [];
    element.addEventListener(OPENMEDIA_CONFIG_ERROR_EVENT, (event) => problems.push((event as CustomEvent<OpenmediaConfigErrorEventDetail>).detail.problems));
    await waitFor(() => expect(problems).toEqual([[expect.stringContaining('theme must be')]]));
  });

  it('takes options the page set on the element before it was defined, and every later set', async () => {
    const fixture = createEmbedFixture();
    const element = document.createElement('openmedia-widget-early') as OpenmediaWidgetElement;
    // The host's script ran before the widget's: a plain property on a plain element for now.
    element.options = { channel: fixture.channel, gwsClient: fixture.gwsClient, title: 'From options' };
    act(() => {
      document.body.append(element);
    });
    act(() => {
      defineOpenmediaWidgetElement('openmedia-widget-early');
    });
    expect(await screen.findByRole('region', { name: 'From options' })).toBeInTheDocument();
    expect(Object.hasOwn(element, 'options')).toBe(false);
    act(() => {
      element.options = { ...element.options, title: 'Set after upgrade' };
    });
    expect(await screen.findByRole('region', { name: 'Set after upgrade' })).toBeInTheDocument();
    // The memory channel given in the options is the one in use (no CometD connection of its own).
    await waitFor(() => expect(fixture.channel.listenerCount()).toBe(1));
  });

  it('dispatches openmedia-action from the element; preventDefault vetoes', async () => {
    const user = userEvent.setup();
    const { element, channel, posts } = createWidgetElement({ 'media-types': 'workitem' });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Offer' }))));
    const card = await screen.findByRole('article', { name: 'Offer' });
    const phases: string[] = [];
    element.addEventListener(OPENMEDIA_ACTION_EVENT, (event) => {
      const { detail } = event as CustomEvent<OpenmediaActionEventDetail>;
      phases.push(detail.phase);
      if (detail.phase === 'before') event.preventDefault();
    });
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(phases).toEqual(['before', 'after']));
    expect(posts()).toHaveLength(0);
  });

  it('survives being moved in the document, and disconnects once removed', async () => {
    const { element, channel } = createWidgetElement({ 'media-types': 'workitem' });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Moved' }))));
    await screen.findByRole('article', { name: 'Moved' });

    const elsewhere = document.createElement('aside');
    document.body.append(elsewhere);
    await act(async () => {
      elsewhere.append(element); // disconnect + connect in one task
      await Promise.resolve();
    });
    expect(screen.getByRole('article', { name: 'Moved' })).toBeInTheDocument();
    expect(channel.listenerCount()).toBe(1);

    // Moved by a host that awaits in between (remove, a microtask, insert): the same widget, the
    // same connection (it unmounted and connected anew).
    const subscribe = vi.spyOn(channel, 'subscribe');
    await act(async () => {
      element.remove();
      await Promise.resolve();
      await Promise.resolve();
      document.body.append(element);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByRole('article', { name: 'Moved' })).toBeInTheDocument();
    expect(subscribe).not.toHaveBeenCalled();
    expect(channel.listenerCount()).toBe(1);

    await act(async () => {
      element.remove();
      await Promise.resolve();
    });
    await waitFor(() => expect(element).toBeEmptyDOMElement());
    await waitFor(() => expect(channel.listenerCount()).toBe(0));
  });

  it('options set anew replace the old ones: a veto or a callback left out no longer applies', async () => {
    const user = userEvent.setup();
    const { element, channel, gwsClient, posts } = createWidgetElement({ 'media-types': 'workitem' });
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('w1', 'Invited', 'workitem', { Subject: 'Offer' }))));
    const veto = vi.fn(() => false);
    act(() => {
      element.options = { channel, gwsClient, onAction: veto, title: 'From options' };
    });
    expect(await screen.findByRole('region', { name: 'From options' })).toBeInTheDocument();
    await user.click(within(await screen.findByRole('article', { name: 'Offer' })).getByRole('button', { name: 'Accept' }));
    expect(veto).toHaveBeenCalled();
    expect(posts()).toHaveLength(0);

    act(() => {
      element.options = { channel, gwsClient };
    });
    expect(await screen.findByRole('region', { name: 'Open media' })).toBeInTheDocument();
    veto.mockClear();
    await user.click(within(screen.getByRole('article', { name: 'Offer' })).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(veto).not.toHaveBeenCalled();
    // The same channel throughout: replacing the options did not reconnect.
    expect(channel.listenerCount()).toBe(1);
  });

  it('under another tag name, moved into a shadow root, is a block there too', async () => {
    defineOpenmediaWidgetElement('acme-moved');
    const { element, channel } = createWidgetElement({}, 'acme-moved');
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    await act(async () => {
      shadow.append(element); // disconnect + connect in one task: a move, not a new mount
      await Promise.resolve();
    });
    expect([...shadow.querySelectorAll('style[data-openmedia-widget-element]')].map((style) => style.getAttribute('data-openmedia-widget-element'))).toEqual([
      'acme-moved',
    ]);
    expect(shadow.querySelectorAll('style[data-openmedia-widget-styles]')).toHaveLength(1);
    expect(channel.listenerCount()).toBe(1);
  });
});

