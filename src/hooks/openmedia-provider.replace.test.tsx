import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenmediaClient } from '../client/openmedia-client';
import { createGwsClient } from '../api/client';
import { createScriptedGws, resource } from '../testing/scripted-gws';
import type { FakeCometd } from '../test-support/fake-cometd';
import { OpenmediaProvider } from './openmedia-provider';
import { useOpenmediaClient } from './openmedia-context';
import { useConnectionStatus, useInteractionIds } from './use-interaction';
import { advanceTimers } from '../test-support/fake-timers';

function isOpen(client: FakeCometd): boolean {
  return client.status !== 'disconnected' && client.status !== 'disconnecting';
}

// Every CometD client the widget creates, with the URL it was configured for. The provider builds
// the production CometD channel from `gwsBase`; only the CometD class itself is replaced.
const cometd = vi.hoisted(() => ({
  instances: [] as { client: FakeCometd; url: () => string | undefined }[],
  /** The most CometD clients open at once, checked at every handshake. */
  mostOpen: 0,
}));
vi.mock('cometd', async () => {
  const { FakeCometd } = await import('../test-support/fake-cometd');
  class RecordedCometd extends FakeCometd {
    constructor() {
      super();
      const configurations = this.configurations;
      cometd.instances.push({ client: this, url: () => configurations.find((c) => c.url !== undefined)?.url });
    }
    override handshake(): void {
      super.handshake();
      const open = cometd.instances.filter(({ client }) => isOpen(client)).length;
      cometd.mostOpen = Math.max(cometd.mostOpen, open);
    }
  }
  return { CometD: RecordedCometd };
});

/**
 * CometD clients that handshook and have not sent their disconnect since: open connections. Like
 * CometD 9, the fake stays `disconnecting` until the server answers the disconnect.
 */
const open = () => cometd.instances.filter(({ client }) => isOpen(client));

function Probe({ seen }: { seen: OpenmediaClient[] }) {
  const client = useOpenmediaClient();
  if (seen.at(-1) !== client) seen.push(client);
  const status = useConnectionStatus();
  const ids = useInteractionIds();
  return (
    <p>
      {client.gwsBase} {status} {ids.join(',')}
    </p>
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  cometd.instances.length = 0;
  cometd.mostOpen = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

/** Two GWS servers, each listing one interaction of its own. */
function servers() {
  const a = createScriptedGws();
  a.snapshots.set('workitem', [resource('on-a', 'Invited')]);
  const b = createScriptedGws();
  b.snapshots.set('workitem', [resource('on-b', 'Invited')]);
  return { a: createGwsClient({ gwsBase: 'https://a.example', fetch: a.fetch }), b: createGwsClient({ gwsBase: 'https://b.example', fetch: b.fetch }) };
}

describe('<OpenmediaProvider> when its connection props change', () => {
  it('moves to the other GWS with one CometD connection open at a time, and leaks none (StrictMode)', async () => {
    const rest = servers();
    const seen: OpenmediaClient[] = [];
    const view = render(
      <StrictMode>
        <OpenmediaProvider gwsBase="https://a.example" gwsClient={rest.a} mediaTypes={['workitem']}>
          <Probe seen={seen} />
        </OpenmediaProvider>
      </StrictMode>,
    );
    await advanceTimers();
    expect(open().map(({ url }) => url())).toEqual(['https://a.example/api/v2/notifications']);
    expect(screen.getByText(/https:\/\/a\.example .* on-a/)).toBeInTheDocument();


    view.rerender(
      <StrictMode>
        <OpenmediaProvider gwsBase="https://b.example/" gwsClient={rest.b} mediaTypes={['workitem']}>
          <Probe seen={seen} />
        </OpenmediaProvider>
      </StrictMode>,
    );
    await advanceTimers();

    expect(open().map(({ url }) => url())).toEqual(['https://b.example/api/v2/notifications']);
    // The second handshake happened after the first connection was closed, never beside it.
    expect(cometd.mostOpen).toBe(1);
    expect(screen.getByText(/https:\/\/b\.example .* on-b/)).toBeInTheDocument();
    expect(screen.queryByText(/on-a/)).not.toBeInTheDocument();
    // The first client was disposed: it cannot be started again by a stray hook.
    const first = seen[0];
    expect(first?.gwsBase).toBe('https://a.example');
    expect(first?.isDisposed()).toBe(true);
    expect(seen.at(-1)?.isDisposed()).toBe(false);

    view.unmount();
    await advanceTimers();
    expect(open()).toEqual([]);
  });

  it('keeps its client when the props are equal but new objects (an inline media type array)', async () => {
    const rest = servers();
    const seen: OpenmediaClient[] = [];
    const view = render(
      <OpenmediaProvider gwsBase="https://a.example" gwsClient={rest.a} mediaTypes={['workitem']}>
        <Probe seen={seen} />
      </OpenmediaProvider>,
    );
    await advanceTimers();
    view.rerender(
      <OpenmediaProvider gwsBase="https://a.example" gwsClient={rest.a} mediaTypes={['workitem']}>
        <Probe seen={seen} />
      </OpenmediaProvider>,
    );
    await advanceTimers();
    expect(seen).toHaveLength(1);
    expect(cometd.instances.filter(({ client }) => client.handshakes > 0)).toHaveLength(1);
  });

  it('uses a host-owned client as it is and never disposes it', async () => {
    const { createOpenmediaClient } = await import('../client/openmedia-client');
    const rest = servers();
    const client = createOpenmediaClient({ gwsBase: 'https://a.example', gwsClient: rest.a, mediaTypes: ['workitem'] });
    const seen: OpenmediaClient[] = [];
    const view = render(
      <OpenmediaProvider client={client}>
        <Probe seen={seen} />
      </OpenmediaProvider>,
    );
    await advanceTimers();
    expect(seen).toEqual([client]);
    expect(client.isStarted()).toBe(true);
    view.unmount();
    await advanceTimers();
    expect(client.isStarted()).toBe(false);
    expect(client.isDisposed()).toBe(false);
    expect(open()).toEqual([]);
  });
});
