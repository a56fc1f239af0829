import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StoryHarness } from '../../.storybook/story-harness';
import { STORY_TARGETS } from '../../.storybook/story-data';
import { createMemoryChannel } from '../channel/memory-channel';
import type { MemoryChannel } from '../channel/memory-channel';
import { OpenmediaProvider } from '../hooks/openmedia-provider';
import { applyOperation } from '../mock-gws/operations';
import type { StoredInteraction } from '../mock-gws/resource';
import { outcomeNotificationType } from '../mock-gws/state-machine';
import { readV3Request } from '../mock-gws/workspace-v3/operation-request';
import { WORKSPACE_V3_WIRE as wire } from '../mock-gws/workspace-v3/wire';
import { mediaMessage } from '../protocol/workspace-v3/fixtures';
import { OpenmediaWidget } from './openmedia-widget';
import type { OpenmediaWidgetProps } from './openmedia-widget';

// The Workspace API v3 dialect, with real simulator captures read by the v3 parser (kebab-case
// capabilities, KV-list user data). `SimulatorCaptures` only shows them; `Interactive` answers the
// widget's real v3 REST client with the mock GWS's v3 wire layer (src/mock-gws/workspace-v3), so
// every button works: accept, edit and delete user data, transfer, complete, reject.

type Story = StoryObj<OpenmediaWidgetProps>;

const meta = {
  title: 'Widget/Workspace API v3',
  component: OpenmediaWidget,
  args: { title: 'Open media (v3)', compact: false, showDiagnostics: true, theme: 'light' },
} satisfies Meta<typeof OpenmediaWidget>;

export default meta;

/** The widget on an empty v3 session, to which the story pushes `messages` once it has started. */
function pushing(messages: () => readonly unknown[]): NonNullable<Story['render']> {
  function PushingStory(args: OpenmediaWidgetProps) {
    return (
      <StoryHarness
        widget={args}
        provider={{ dialect: 'workspace-v3' }}
        gws={{ snapshot: () => [] }}
        script={({ channel }) => {
          const timer = setTimeout(() => {
            for (const message of messages()) channel.emit(message);
          }, 300);
          return () => clearTimeout(timer);
        }}
      />
    );
  }
  return (args) => <PushingStory {...args} />;
}

export const SimulatorCaptures: Story = {
  render: pushing(() => [mediaMessage('01-workitem-invited').data, mediaMessage('05b-email-transfer-agent-target-processing').data]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('article', { name: 'Capture email 1' })).toBeInTheDocument(), { timeout: 5_000 });
    // accept / reject in kebab-case are the widget's Accept and Reject.
    const workitem = canvas.getByRole('article', { name: 'Capture workitem 1' });
    await expect(within(workitem).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  },
};

/** A v3 interaction as the simulator leaves no capture of: typed user data, and one that was cancelled. */
function v3Message(interaction: Record<string, unknown>): Record<string, unknown> {
  return { messageType: 'InteractionStateChanged', notificationType: 'StatusChange', interaction };
}

export const TypedUserDataAndEndedStates: Story = {
  render: pushing(() => [
    v3Message({
      id: 'v3-typed',
      mediatype: 'workitem',
      state: 'Processing',
      interactionType: 'Inbound',
      subject: 'Refund for order 7',
      capabilities: ['complete', 'update-user-data', 'delete-user-data', 'attach-user-data'],
      userData: [
        { key: 'Customer', type: 'kvlist', value: [{ key: 'Name', type: 'str', value: 'Ada' }, { key: 'CrmId', type: 'int', value: 7 }] },
        { key: 'VIP', type: 'bool', value: true },
        { key: 'Priority', type: 'int', value: 3 },
        { key: 'Subject', type: 'str', value: 'Refund request' },
      ],
    }),
    v3Message({ id: 'v3-cancelled', mediatype: 'email', state: 'Canceled', subject: 'Draft reply', capabilities: ['send'], userData: [] }),
  ]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('article', { name: 'Draft reply' })).toBeInTheDocument(), { timeout: 5_000 });
    // Shown as sent, among the ended ones, offering nothing.
    const cancelled = canvas.getByRole('article', { name: 'Draft reply' });
    await expect(within(cancelled).getByText('Canceled')).toBeInTheDocument();
    await expect(within(cancelled).queryByRole('button', { name: 'send' })).not.toBeInTheDocument();
    // A nested list and a boolean cannot be saved back as the text shown: read-only.
    const typed = canvas.getByRole('article', { name: 'Refund for order 7' });
    await expect(within(typed).queryByRole('button', { name: 'Edit Customer' })).not.toBeInTheDocument();
    await expect(within(typed).getByRole('button', { name: 'Edit Priority' })).toBeInTheDocument();
  },
};

/** Where the story's Workspace API answers: the widget's v3 REST client calls it through `fetch`. */
const STORY_WORKSPACE = 'https://workspace.story';
const LATENCY_MS = 250;

/** The captured workitem (invited) and email (in progress), as the story's server keeps them. */
function capturedInteractions(): StoredInteraction[] {
  return (['01-workitem-invited', '05b-email-transfer-agent-target-processing'] as const).map((name) => {
    const read = wire.readResource(mediaMessage(name).data?.interaction, { id: '', mediaType: '', state: '' }, Date.now());
    if (!read.ok) throw new Error(`capture ${name}: ${read.error}`);
    return read.record;
  });
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * A Workspace API v3 in memory: `current-session` lists the interactions; an operation is checked
 * and applied by the mock GWS's v3 rules, answered `{status: {code: 1}, operationId}`, and its
 * outcome pushed on the story's channel with the request's operationId, as the simulator does.
 */
/**
 * How the story's server answers a verb instead of applying it: `refuse` answers at once with that
 * HTTP status and `{status: {code, message}}`; `fail` takes the request (`code 1`) and then pushes
 * an `EventError` with the request's operationId and `error: {errorCode, errorMessage}`.
 */
type StoryFailure =
  | { readonly kind: 'refuse'; readonly httpStatus: number; readonly code: number; readonly message: string }
  | { readonly kind: 'fail'; readonly errorCode: number; readonly errorMessage: string };

function storyWorkspace(channel: MemoryChannel, failures: Readonly<Record<string, StoryFailure>> = {}): (request: Request) => Promise<Response> {
  const records = new Map(capturedInteractions().map((r) => [r.id, r] as const));
  return async (request) => {
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path === '/workspace/v3/current-session') {
      const interactions = [...records.values()].filter((r) => r.state !== 'Completed').map((r) => wire.resource(r, ''));
      return json({ status: { code: 0 }, data: { user: { userName: 'JohnSmith', activeSession: { media: { channels: [{ name: 'workitem', interactions }] } } } } });
    }
    const operation = request.method === 'POST' ? /^\/workspace\/v3\/media\/([^/]+)\/interactions\/([^/]+)\/([a-z-]+)$/.exec(path) : null;
    if (!operation) return json({ status: { code: 404, message: `No such resource: ${path}` } }, 404);
    const [, mediaType = '', id = '', verb = ''] = operation;
    const record = records.get(decodeURIComponent(id));
    const read = readV3Request(verb, await request.json().catch(() => undefined));
    if (!record || record.mediaType !== mediaType) return json({ status: { code: 404, message: `No such interaction: ${id}` } }, 404);
    if (!read.ok) return json({ status: { code: 400, message: read.message } }, 400);
    const failure = failures[verb];
    if (failure?.kind === 'refuse') return json({ status: { code: failure.code, message: failure.message } }, failure.httpStatus);
    if (failure?.kind === 'fail') {
      const error = { messageType: 'EventError', operationId: read.operationId, error: { errorCode: failure.errorCode, errorMessage: failure.errorMessage } };
      setTimeout(() => channel.emit(error), LATENCY_MS);
      return json({ status: { code: 1 }, operationId: read.operationId });
    }
    if (!wire.isAllowed(record, read.request)) return json({ status: { code: 409, message: `${verb} is not allowed in state ${record.state}` } }, 400);
    const next = applyOperation(record, read.request, wire.next(record, read.request));
    records.set(next.id, next);
    const message = wire.message(outcomeNotificationType(read.request.operationName), wire.resource(next, ''), read.operationId);
    setTimeout(() => channel.emit(message), LATENCY_MS);
    return json({ status: { code: 1 }, operationId: read.operationId });
  };
}

/**
 * Routes the widget's requests to the story's server while the story is shown (the v3 dialect's
 * REST client calls the global `fetch`); every other request goes where it went.
 */
function interceptWorkspace(handler: () => (request: Request) => Promise<Response>): () => void {
  const original = globalThis.fetch;
  let current: ((request: Request) => Promise<Response>) | undefined;
  globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${STORY_WORKSPACE}/`)) return original(input, init);
    current ??= handler();
    return current(request);
  };
  return () => {
    globalThis.fetch = original;
  };
}

let storyChannel: MemoryChannel | undefined;

function InteractiveV3(props: Partial<OpenmediaWidgetProps>) {
  const [context] = useState(() => ({ channel: storyChannel ?? createMemoryChannel(), queryClient: new QueryClient() }));
  return (
    <OpenmediaProvider dialect="workspace-v3" gwsBase={STORY_WORKSPACE} channel={context.channel} queryClient={context.queryClient} lingerMs={3_600_000} recordLimit={1_000}>
      <OpenmediaWidget transferTargets={STORY_TARGETS} {...props} />
    </OpenmediaProvider>
  );
}

/** A story's `beforeEach`: the story's Workspace API answers the widget (with these failures) while it is shown. */
function servingWorkspace(failures?: Readonly<Record<string, StoryFailure>>): () => () => void {
  return () => {
    const channel = createMemoryChannel();
    storyChannel = channel;
    const restore = interceptWorkspace(() => storyWorkspace(channel, failures));
    return () => {
      restore();
      storyChannel = undefined;
    };
  };
}

export const Interactive: Story = {
  beforeEach: servingWorkspace(),
  render: (args) => <InteractiveV3 {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = () => canvas.getByRole('article', { name: 'Capture workitem 1' });
    const offered = await waitFor(card, { timeout: 5_000 });
    await userEvent.click(within(offered).getByRole('button', { name: 'Accept' }));
    // Accepted, the card moves to "In progress" (a new element): look it up again.
    await waitFor(() => expect(within(card()).getByRole('button', { name: 'Complete' })).toBeEnabled(), { timeout: 5_000 });
    await expect(within(card()).getByText('Processing', { exact: true })).toBeInTheDocument();
    await expect(within(card()).queryByRole('alert')).toBeNull();
  },
};

/**
 * What the Workspace API refuses or fails, on the card it belongs to: Accept refused at once
 * (HTTP 400 with `status.message`), Complete taken and then failed by an `EventError`.
 */
export const RefusedAndFailed: Story = {
  beforeEach: servingWorkspace({
    accept: { kind: 'refuse', httpStatus: 400, code: 3, message: 'Agent JohnSmith is not ready for workitem' },
    complete: { kind: 'fail', errorCode: 511, errorMessage: 'The interaction is locked by a supervisor' },
  }),
  render: (args) => <InteractiveV3 {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const workitem = await waitFor(() => canvas.getByRole('article', { name: 'Capture workitem 1' }), { timeout: 5_000 });
    await userEvent.click(within(workitem).getByRole('button', { name: 'Accept' }));
    const refused = await within(workitem).findByRole('alert', {}, { timeout: 5_000 });
    await expect(refused).toHaveTextContent('Agent JohnSmith is not ready for workitem');
    // Still an offer: the refusal changed nothing on the server.
    await expect(within(workitem).getByRole('button', { name: 'Accept' })).toBeEnabled();

    const email = canvas.getByRole('article', { name: 'Capture email 1' });
    await userEvent.click(within(email).getByRole('button', { name: 'Complete' }));
    const failed = await within(email).findByRole('alert', {}, { timeout: 5_000 });
    await expect(failed).toHaveTextContent('The interaction is locked by a supervisor');
  },
};
