import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorReason } from '../core/types';
import { createHarness, listOnServer, resource, statusChange } from '../test-support/harness';
import { advanceTimers, setupWithFakeTimers } from '../test-support/fake-timers';
import type { Messages } from './messages';
import { OpenmediaWidget } from './openmedia-widget';

// A host that translates the widget gets its own words for the widget's own explanations of a
// failure (timeouts, not sent, refusals without a message); the server's words stay as sent.

const GERMAN: Partial<Record<ErrorReason, string>> = {
  'no-outcome': 'Der Server hat die Anfrage angenommen, aber ihr Ergebnis kam nie.',
  reconnecting: 'Nicht gesendet: Die Verbindung wird wiederhergestellt.',
  'status-code': 'Dieser Vorgang ist im aktuellen Zustand nicht möglich.',
  'server-error': 'Der Server hat einen Fehler gemeldet.',
  gateway: 'Ein Gateway hat geantwortet, nicht GWS.',
  'http-status': 'GWS hat mit einem HTTP-Fehler geantwortet.',
};

const messages: Partial<Messages> = {
  errorReason: (reason, error) => (GERMAN[reason] === undefined ? undefined : `${GERMAN[reason]}${reason === 'status-code' ? ` (${String(error.code)})` : ''}`),
  meanwhileReported: (text) => `Inzwischen meldete GWS: ${text}`,
  serverSaid: (text) => `Der Server sagte: ${text}`,
};

const card = (name: string) => screen.getByRole('article', { name });

async function setup() {
  const h = createHarness({ mediaTypes: ['workitem'], actionTimeoutMs: 5_000 });
  const user = setupWithFakeTimers();
  const Wrapper = h.wrapper;
  render(
    <Wrapper>
      <OpenmediaWidget title="Arbeit" messages={messages} />
    </Wrapper>,
  );
  await advanceTimers();
  const emit = async (data: unknown) => {
    listOnServer(h.gws, data);
    act(() => h.channel.emit(data));
    await advanceTimers();
  };
  await emit(statusChange(resource('a', 'Invited', 'workitem', { Subject: 'Alpha' })));
  return { h, user, emit };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the widget's own explanations of a failure, translated by the host", () => {
  it('a timeout says the translation, and what GWS reported meanwhile follows in its own words', async () => {
    const { user, emit } = await setup();
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    // An Error that names no request, about this interaction, while the Accept waits.
    await emit({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', errorMessage: 'Agent is not ready', openmedia: resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }) });
    await advanceTimers(5_100);
    const alert = within(card('Alpha')).getByRole('alert');
    expect(alert).toHaveTextContent('Der Server hat die Anfrage angenommen, aber ihr Ergebnis kam nie. Inzwischen meldete GWS: Agent is not ready');
    expect(alert).not.toHaveTextContent('The server took Accept');
  });

  it('not sent while reconnecting, and a refusal with a status code but no message, say the translation', async () => {
    const { h, user } = await setup();
    h.gws.operationAnswer = () => new Response(JSON.stringify({ statusCode: 2 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(within(card('Alpha')).getByText('Dieser Vorgang ist im aktuellen Zustand nicht möglich. (2)')).toBeInTheDocument();

    act(() => h.channel.setStatus('reconnecting'));
    await advanceTimers();
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Reject' }));
    await advanceTimers();
    expect(within(card('Alpha')).getByText('Nicht gesendet: Die Verbindung wird wiederhergestellt.')).toBeInTheDocument();
  });

  it("an Error notification's own words are shown as sent; one with no words gets the translation", async () => {
    const { user, emit } = await setup();
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await emit({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', referenceId: 101, errorMessage: 'Agent is not ready', openmedia: resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }) });
    expect(within(card('Alpha')).getByText('Agent is not ready')).toBeInTheDocument();

    await user.click(within(card('Alpha')).getByRole('button', { name: 'Dismiss' }));
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await emit({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', referenceId: 102, openmedia: resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }) });
    expect(within(card('Alpha')).getByText('Der Server hat einen Fehler gemeldet.')).toBeInTheDocument();
  });

  it("a gateway's or an HTTP error's own words stay, as sent, after the translation", async () => {
    const { h, user } = await setup();
    h.gws.operationAnswer = () => new Response(JSON.stringify({ statusMessage: 'Server is in maintenance until 14:00' }), { status: 503, headers: { 'Content-Type': 'application/json' } });
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(within(card('Alpha')).getByText('Ein Gateway hat geantwortet, nicht GWS. Der Server sagte: Server is in maintenance until 14:00')).toBeInTheDocument();

    await user.click(within(card('Alpha')).getByRole('button', { name: 'Dismiss' }));
    h.gws.operationAnswer = () => new Response('Database maintenance', { status: 409, headers: { 'Content-Type': 'text/plain' } });
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await advanceTimers();
    expect(within(card('Alpha')).getByText('GWS hat mit einem HTTP-Fehler geantwortet. Der Server sagte: Database maintenance')).toBeInTheDocument();
  });

  it("a timeout after an Error without words adds nothing of the widget's English to the translation", async () => {
    const { user, emit } = await setup();
    await user.click(within(card('Alpha')).getByRole('button', { name: 'Accept' }));
    await emit({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'Error', openmedia: resource('a', 'Invited', 'workitem', { Subject: 'Alpha' }) });
    await advanceTimers(5_100);
    const alert = within(card('Alpha')).getByRole('alert');
    expect(alert).toHaveTextContent('Der Server hat die Anfrage angenommen, aber ihr Ergebnis kam nie.');
    expect(alert).not.toHaveTextContent('Inzwischen');
    expect(alert).not.toHaveTextContent('The server reported an error');
  });

  it("the snapshot banner's detail in the host's words: the widget's own explanation translated, the server's words kept", async () => {
    const h = createHarness({ mediaTypes: ['workitem', 'email'] });
    h.gws.snapshotAnswer = (mediaType) =>
      mediaType === 'workitem'
        ? new Response(JSON.stringify({ statusCode: 4, statusMessage: 'Internal error' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response('', { status: 502, statusText: 'Bad Gateway' });
    setupWithFakeTimers();
    const Wrapper = h.wrapper;
    render(
      <Wrapper>
        <OpenmediaWidget
          title="Arbeit"
          messages={{
            snapshotFailure: (failure) =>
              failure.reason === undefined ? `${failure.mediaType} nicht geladen: ${failure.serverText ?? ''}` : failure.reason === 'http-status' ? `${failure.mediaType} nicht geladen: HTTP-Fehler.` : undefined,
          }}
        />
      </Wrapper>,
    );
    await advanceTimers(10_000);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('workitem nicht geladen: Internal error');
    expect(status).toHaveTextContent('email nicht geladen: HTTP-Fehler.');
    expect(status).not.toHaveTextContent('Could not load the');
  });
});
