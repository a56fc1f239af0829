import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbedFixture } from '../test-support/embed-fixture';
import { resource, statusChange } from '../test-support/harness';
import { OPENMEDIA_OFFER_EVENT } from './dom-events';
import type { OpenmediaOfferEventDetail } from './dom-events';
import { defineOpenmediaWidgetElement } from './element';
import type { OpenmediaWidgetElement } from './element';

defineOpenmediaWidgetElement();

function createWidgetElement(attributes: Record<string, string>) {
  const fixture = createEmbedFixture();
  const element = document.createElement('openmedia-widget') as OpenmediaWidgetElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.options = { channel: fixture.channel, gwsClient: fixture.gwsClient };
  const offers: string[] = [];
  element.addEventListener(OPENMEDIA_OFFER_EVENT, (event) => {
    offers.push((event as CustomEvent<OpenmediaOfferEventDetail>).detail.interaction.id);
  });
  act(() => {
    document.body.append(element);
  });
  return { element, offers, ...fixture };
}

afterEach(async () => {
  act(() => document.body.replaceChildren());
  await act(async () => {
    await Promise.resolve();
  });
  sessionStorage.clear();
  document.title = '';
});

describe('<openmedia-widget> offer alerts', () => {
  it('dispatches openmedia-offer once per offer and badges the title while it waits (alerts attribute)', async () => {
    document.title = 'CRM';
    const { offers, channel } = createWidgetElement({ alerts: '' });
    expect(await screen.findByRole('checkbox', { name: 'Notify me of new offers' })).toBeInTheDocument();
    await waitFor(() => expect(channel.listenerCount()).toBe(1));

    act(() => channel.emit(statusChange(resource('E1', 'Invited', 'workitem', { Subject: 'New lead' }))));
    await waitFor(() => expect(offers).toEqual(['E1']));
    await waitFor(() => expect(document.title).toBe('(1) CRM'));

    // The same offer again (as after a re-handshake): no second event.
    act(() => channel.emit(statusChange(resource('E1', 'Invited', 'workitem', { Subject: 'New lead' }))));
    act(() => channel.emit(statusChange(resource('E1', 'Processing', 'workitem', { Subject: 'New lead' }))));
    await waitFor(() => expect(document.title).toBe('CRM'));
    expect(offers).toEqual(['E1']);
  });

  it('dispatches openmedia-offer without the alerts attribute, but leaves the title and shows no switches', async () => {
    document.title = 'CRM';
    const { offers, channel } = createWidgetElement({});
    await waitFor(() => expect(channel.listenerCount()).toBe(1));
    act(() => channel.emit(statusChange(resource('E2', 'Invited'))));
    await waitFor(() => expect(offers).toEqual(['E2']));
    expect(document.title).toBe('CRM');
    expect(screen.queryByRole('checkbox', { name: 'Notify me of new offers' })).not.toBeInTheDocument();
  });
});
