import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ADDRESS_CHANGE, HOSTILE, LOYALTY_DONE, REFUND_REVIEW, SPRING_OFFER, storyResource } from '../../.storybook/story-data';
import { StoryHarness } from '../../.storybook/story-harness';
import type { StoryContext, StoryHarnessProps } from '../../.storybook/story-harness';
import { GwsRequestError } from '../api/errors';
import { DEFAULT_MESSAGES } from './messages';
import { OpenmediaWidget } from './openmedia-widget';
import type { OpenmediaWidgetProps } from './openmedia-widget';

// Every story runs the real provider and widget on an in-memory channel and a scripted GWS
// (.storybook/story-gws.ts). Play functions drive the widget into the state the story is about and
// check it got there, so the Storybook smoke test fails when a state can no longer be reached.

type Story = StoryObj<OpenmediaWidgetProps>;

/** A story's setup; the widget's own props come from the story's args (and its controls). */
function harness(setup: Omit<StoryHarnessProps, 'widget'> = {}): Story['render'] {
  return function Render(args) {
    return <StoryHarness {...setup} widget={args} />;
  };
}

const meta = {
  title: 'Widget/OpenmediaWidget',
  component: OpenmediaWidget,
  args: { title: 'Open media', compact: false, showDiagnostics: false, theme: 'light' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    onAction: { control: false },
    onFocus: { control: false },
    transferTargets: { control: false },
    messages: { control: false },
  },
} satisfies Meta<typeof OpenmediaWidget>;

export default meta;

/** Cards appear once the snapshot has been read (the scripted GWS answers after 250 ms). */
async function card(canvasElement: HTMLElement, name: string | RegExp) {
  return within(canvasElement).findByRole('article', { name }, { timeout: 4000 });
}

export const Offer: Story = {
  render: harness({ gws: { snapshot: () => [SPRING_OFFER] } }),
  play: async ({ canvasElement }) => {
    const offer = await card(canvasElement, 'Spring upgrade offer');
    await expect(within(offer).getByRole('button', { name: 'Accept' })).toBeEnabled();
    await expect(within(offer).getByRole('button', { name: 'Reject' })).toBeEnabled();
  },
};

export const InProgressWithAllCapabilities: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    for (const name of ['Transfer', 'Add data', 'Set in focus', 'Complete', 'Edit CaseNumber', 'Delete CaseNumber']) {
      await expect(within(active).getByRole('button', { name })).toBeEnabled();
    }
  },
};

/** A Complete was sent and accepted; its outcome has not arrived (and will not, in this story). */
export const PendingAction: Story = {
  render: harness({ gws: { snapshot: () => [REFUND_REVIEW], outcome: 'never' }, provider: { actionTimeoutMs: 3_600_000 } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Refund review');
    await userEvent.click(within(active).getByRole('button', { name: 'Complete' }));
    await waitFor(() => expect(within(active).getByRole('button', { name: /Working|Complete/ })).toHaveAttribute('aria-busy', 'true'), {
      timeout: 3000,
    });
  },
};

export const FailedByErrorNotification: Story = {
  render: harness({ gws: { snapshot: () => [REFUND_REVIEW], outcome: 'error-notification' } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Refund review');
    await userEvent.click(within(active).getByRole('button', { name: 'Complete' }));
    const alert = await within(active).findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('The interaction is locked by a supervisor');
  },
};

export const FailedByStatusCode: Story = {
  render: harness({ gws: { snapshot: () => [SPRING_OFFER], outcome: 'status-code' } }),
  play: async ({ canvasElement }) => {
    const offer = await card(canvasElement, 'Spring upgrade offer');
    await userEvent.click(within(offer).getByRole('button', { name: 'Accept' }));
    const alert = await within(offer).findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('Operation is not valid in the current state');
  },
};

export const FailedByTimeout: Story = {
  render: harness({ gws: { snapshot: () => [REFUND_REVIEW], outcome: 'never' }, provider: { actionTimeoutMs: 1_000 } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Refund review');
    await userEvent.click(within(active).getByRole('button', { name: 'Complete' }));
    const alert = await within(active).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent(/timed out/i);
  },
};

/** The host's `onAction` refused the action before anything was sent. */
export const VetoedByHost: Story = {
  args: { onAction: (event) => (event.phase === 'before' ? false : undefined) },
  render: harness({ gws: { snapshot: () => [SPRING_OFFER] } }),
  play: async ({ canvasElement }) => {
    const offer = await card(canvasElement, 'Spring upgrade offer');
    await userEvent.click(within(offer).getByRole('button', { name: 'Accept' }));
    const alert = await within(offer).findByRole('alert');
    await expect(alert).toHaveTextContent(DEFAULT_MESSAGES.vetoedByHost);
  },
};

/** Completed interactions stay, greyed, for the linger time (one hour here). */
export const CompletedAndLingering: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE, LOYALTY_DONE] } }),
  play: async ({ canvasElement }) => {
    const done = await card(canvasElement, 'Loyalty renewal, 12 months');
    await expect(within(done).getByText(DEFAULT_MESSAGES.ended)).toBeVisible();
    await expect(within(done).queryAllByRole('button')).toHaveLength(0);
  },
};

/** A snapshot read after a gap no longer lists an interaction: it is shown as gone, then lingers. */
export const Gone: Story = {
  render: harness({
    gws: { snapshot: (read) => (read === 1 ? [ADDRESS_CHANGE, REFUND_REVIEW] : [REFUND_REVIEW]) },
    script: ({ channel, gws }) => {
      // Once the first reads are in, the connection "comes back after a gap": read again.
      const timer = setInterval(() => {
        if (gws.snapshotReads() < 2) return;
        clearInterval(timer);
        channel.requestResync();
      }, 50);
      return () => clearInterval(timer);
    },
  }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Address change request');
    // The card moves to "Recently ended" (a new element), so look it up again.
    await waitFor(
      () => expect(within(within(canvasElement).getByRole('article', { name: 'Address change request' })).getByText(DEFAULT_MESSAGES.gone)).toBeVisible(),
      { timeout: 4000 },
    );
  },
};

/** Markup, very long values, odd keys and unknown capabilities: all shown as text, nothing runs. */
export const LongAndHostileUserData: Story = {
  render: harness({ gws: { snapshot: () => [HOSTILE] } }),
  play: async ({ canvasElement }) => {
    const hostile = await card(canvasElement, /<img src=x onerror=alert\(1\)>/);
    await expect(within(hostile).getByText('<script>alert("pwned")</script>')).toBeVisible();
    await expect(canvasElement.querySelector('img[src="x"], script, svg[onload]')).toBeNull();
    // A `javascript:` value is text, never a link.
    await expect(within(hostile).queryByRole('link', { name: /javascript/ })).toBeNull();
  },
};

export const Empty: Story = {
  render: harness({ gws: { snapshot: () => [] } }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.emptyTitle)).toBeVisible();
  },
};

/** A first read that takes its time (here: it never answers): "loading", never "no interactions". */
export const LoadingSlowFirstRead: Story = {
  render: harness({ gws: { snapshot: () => [SPRING_OFFER], latencyMs: 3_600_000 } }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.loadingTitle)).toBeVisible();
    await expect(within(canvasElement).queryByText(DEFAULT_MESSAGES.emptyTitle)).toBeNull();
    // The count waits for the read too.
    await expect(within(header(canvasElement)).queryByText(/interactions?$/)).toBeNull();
  },
};

// ── Connection status ─────────────────────────────────────────────────────────────────────────

/** The widget's header (title, count, connection word). */
function header(canvasElement: HTMLElement): HTMLElement {
  const found = canvasElement.querySelector<HTMLElement>('.omw-widget__header');
  if (!found) throw new Error('The widget header is not rendered.');
  return found;
}

export const Connecting: Story = {
  render: harness({ initialStatus: 'connecting', gws: { snapshot: () => [] } }),
  play: async ({ canvasElement }) => {
    // Beside the title, and (for screen readers) in the always-present status region.
    await expect(await within(header(canvasElement)).findByText(DEFAULT_MESSAGES.statusConnecting)).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(DEFAULT_MESSAGES.statusConnecting);
  },
};

export const Connected: Story = {
  render: harness({ gws: { snapshot: () => [SPRING_OFFER, ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Spring upgrade offer');
    await expect(within(header(canvasElement)).getByText(DEFAULT_MESSAGES.statusConnected)).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(DEFAULT_MESSAGES.statusConnected);
  },
};

/**
 * A blip shorter than the grace period: the dot beside the title says the connection is being
 * checked, no banner shows, and the status region keeps saying "Live" (nothing to announce yet).
 */
export const CheckingConnection: Story = {
  args: { reconnectGraceMs: 3_600_000 },
  render: harness({
    gws: { snapshot: () => [ADDRESS_CHANGE] },
    script: ({ channel }) => {
      const timer = setTimeout(() => channel.setStatus('reconnecting'), 600);
      return () => clearTimeout(timer);
    },
  }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Address change request');
    await expect(await within(header(canvasElement)).findByText(DEFAULT_MESSAGES.statusChecking, {}, { timeout: 3000 })).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(DEFAULT_MESSAGES.statusConnected);
    await expect(within(canvasElement).queryByText(DEFAULT_MESSAGES.statusReconnecting)).toBeNull();
  },
};

/** Reconnecting for longer than the grace period: the banner says the list may be out of date. */
export const ReconnectingAfterGrace: Story = {
  args: { reconnectGraceMs: 500 },
  render: harness({ initialStatus: 'reconnecting', gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.reconnectingDetail, {}, { timeout: 3000 })).toBeVisible();
    // Nothing can be sent meanwhile: the buttons say so.
    const active = await card(canvasElement, 'Address change request');
    await expect(within(active).getByRole('button', { name: 'Complete' })).toHaveAttribute('aria-disabled', 'true');
    await expect(within(active).getByRole('button', { name: 'Edit CaseNumber' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * The server refused the subscription to the notifications (here `403::subscribe_failed`, as the
 * Workspace API says it): the reconnecting banner says so, in the server's words; the widget keeps
 * asking.
 */
export const ReconnectingRefused: Story = {
  args: { reconnectGraceMs: 500 },
  render: harness({
    gws: { snapshot: () => [ADDRESS_CHANGE] },
    script: ({ channel }) => {
      const timer = setTimeout(() => channel.setStatus('reconnecting', '403::subscribe_failed'), 300);
      return () => clearTimeout(timer);
    },
  }),
  play: async ({ canvasElement }) => {
    const refused = DEFAULT_MESSAGES.reconnectingRefused?.('403::subscribe_failed') ?? '';
    await expect(await within(canvasElement).findByText(refused, {}, { timeout: 3000 })).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(DEFAULT_MESSAGES.statusReconnecting);
  },
};

/**
 * The browser lost its network (its `offline` event): said at once, before the connection's own
 * long poll fails (which can take 30 s). The story fires the event; "Live" comes back with `online`.
 */
export const NoNetwork: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Address change request');
    window.dispatchEvent(new Event('offline'));
    await expect(await within(header(canvasElement)).findByText(DEFAULT_MESSAGES.statusNoNetwork)).toBeVisible();
    await expect(within(canvasElement).getByText(DEFAULT_MESSAGES.noNetworkDetail)).toBeVisible();
  },
};

/** The HTTP session is gone: nothing retries by itself; the agent signs in again, then reconnects. */
export const Unauthorized: Story = {
  render: harness({ initialStatus: 'unauthorized', gws: { snapshot: () => [] } }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.unauthorizedDetail)).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: DEFAULT_MESSAGES.reconnectAction })).toBeEnabled();
  },
};

/** Signed out while the agent's work is on screen: it stays, and its buttons are unavailable until the agent reconnects. */
export const SignedOutWithWorkOnScreen: Story = {
  render: harness({
    gws: { snapshot: () => [SPRING_OFFER, ADDRESS_CHANGE] },
    script: ({ channel }) => {
      const timer = setTimeout(() => channel.setStatus('unauthorized'), 600);
      return () => clearTimeout(timer);
    },
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.unauthorizedDetail, {}, { timeout: 4000 })).toBeVisible();
    const offer = await card(canvasElement, 'Spring upgrade offer');
    await expect(within(offer).getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-disabled', 'true');
    const active = await card(canvasElement, 'Address change request');
    await expect(within(active).getByRole('button', { name: 'Complete' })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const SnapshotError: Story = {
  render: harness({
    // A refusal, not an outage: a 5xx would be retried (three times, with back-off) before it shows.
    gws: { snapshot: () => new GwsRequestError({ kind: 'http', status: 403, message: 'GWS answered 403 Forbidden: no open media licence for this agent' }) },
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(DEFAULT_MESSAGES.snapshotErrorTitle, {}, { timeout: 3000 })).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: DEFAULT_MESSAGES.retrySnapshotAction })).toBeEnabled();
  },
};

// ── Dialogs and panels ────────────────────────────────────────────────────────────────────────

export const TransferDialogOpen: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    await userEvent.click(within(active).getByRole('button', { name: 'Transfer' }));
    const dialog = await within(canvasElement).findByRole('dialog');
    // The dialog fades in.
    await waitFor(() => expect(within(dialog).getByText('Retention')).toBeVisible());
  },
};

/** The Transfer dialog open on a card; `filter` typed into its filter when given. */
async function openTransfer(canvasElement: HTMLElement, subject: string) {
  const active = await card(canvasElement, subject);
  await userEvent.click(within(active).getByRole('button', { name: 'Transfer' }));
  return { active, dialog: await within(canvasElement).findByRole('dialog') };
}

/** The filter leaves no agent or queue: said in the list's place (and announced), the URI field still there. */
export const TransferNoMatchingTarget: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openTransfer(canvasElement, 'Address change request');
    await userEvent.type(within(dialog).getByRole('searchbox', { name: DEFAULT_MESSAGES.transferFilter }), 'zzz');
    // The dialog fades in: wait for it to be seen.
    await waitFor(() => expect(within(dialog).getByText(DEFAULT_MESSAGES.transferNoTargets)).toBeVisible());
    await expect(within(dialog).queryByRole('radio')).toBeNull();
    await expect(within(dialog).getByRole('textbox', { name: DEFAULT_MESSAGES.transferUri })).toBeVisible();
  },
};

/** Confirm with no target chosen: the URI field says what is missing and takes focus; nothing is sent. */
export const TransferTargetRequired: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const { active, dialog } = await openTransfer(canvasElement, 'Address change request');
    await userEvent.click(within(dialog).getByRole('button', { name: DEFAULT_MESSAGES.transferConfirm }));
    const uri = within(dialog).getByRole('textbox', { name: DEFAULT_MESSAGES.transferUri });
    await expect(uri).toHaveAttribute('aria-invalid', 'true');
    await expect(uri).toHaveAccessibleDescription(new RegExp(DEFAULT_MESSAGES.transferUriRequired));
    await expect(uri).toHaveFocus();
    await expect(within(active).getByRole('button', { name: 'Transfer' })).not.toHaveAttribute('aria-busy', 'true');
  },
};

/** A host with no directory of agents and queues: the dialog asks for the target's URI only. */
export const TransferWithoutDirectory: Story = {
  args: { transferTargets: [] },
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openTransfer(canvasElement, 'Address change request');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: DEFAULT_MESSAGES.transferUri })).toHaveFocus());
    await expect(within(dialog).queryByRole('searchbox')).toBeNull();
  },
};

/** A queue picked and the transfer confirmed: the dialog closes and the card waits for GWS's outcome. */
export const TransferSent: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE], outcome: 'never' }, provider: { actionTimeoutMs: 3_600_000 } }),
  play: async ({ canvasElement }) => {
    const { active, dialog } = await openTransfer(canvasElement, 'Address change request');
    await userEvent.click(within(dialog).getByRole('radio', { name: /Retention/ }));
    await expect(within(dialog).getByRole('textbox', { name: DEFAULT_MESSAGES.transferUri })).toHaveValue('https://gws.story/api/v2/queues/retention');
    await userEvent.click(within(dialog).getByRole('button', { name: DEFAULT_MESSAGES.transferConfirm }));
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(active).getByRole('button', { name: /Transfer/ })).toHaveAttribute('aria-busy', 'true'), { timeout: 3000 });
  },
};

/** The other tabs of the story shown last (a story's script hands them over; one story at a time). */
let otherTabs: StoryContext['tabs'];

/**
 * The dialog is open when another tab sends Complete on the same interaction: the dialog says so
 * and Confirm holds until that action ends; what was chosen stays.
 */
export const TransferHeldByAnotherTab: Story = {
  render: harness({
    gws: { snapshot: () => [ADDRESS_CHANGE] },
    tab: { role: 'follower', tabs: 2 },
    script: ({ tabs }) => {
      otherTabs = tabs;
    },
  }),
  play: async ({ canvasElement }) => {
    const { dialog } = await openTransfer(canvasElement, 'Address change request');
    await userEvent.click(within(dialog).getByRole('radio', { name: /Billing/ }));
    const action = { requestId: 'story-other-tab-1', interactionId: ADDRESS_CHANGE.id, operation: 'Complete', referenceId: undefined } as const;
    otherTabs?.hearAction({ kind: 'started', from: 'story-other-tab', action });
    const waiting = DEFAULT_MESSAGES.pendingElsewhere('Complete', 'tab');
    await waitFor(() => expect(within(dialog).getByText(waiting)).toBeVisible());
    await expect(within(dialog).getByRole('button', { name: DEFAULT_MESSAGES.transferConfirm })).toBeDisabled();
    await expect(within(dialog).getByRole('textbox', { name: DEFAULT_MESSAGES.transferUri })).toHaveValue('https://gws.story/api/v2/queues/billing');
  },
};

export const AddDataFormOpen: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    await userEvent.click(within(active).getByRole('button', { name: 'Add data' }));
    await expect(await within(active).findByRole('textbox', { name: 'Key' })).toBeVisible();
    await userEvent.type(within(active).getByRole('textbox', { name: 'Key' }), 'Callback');
  },
};

/** A value being edited in place: Enter or Save sends it, Escape or Cancel keeps the old one. */
export const ValueEditorOpen: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    await userEvent.click(within(active).getByRole('button', { name: 'Edit CaseNumber' }));
    const field = await within(active).findByRole('textbox', {}, { timeout: 3000 });
    await expect(field).toHaveValue('CS-20931');
    await expect(within(active).getByRole('button', { name: /Save/ })).toBeVisible();
  },
};

/** Delete asks first; focus starts on Keep. */
export const DeleteConfirmation: Story = {
  render: harness({ gws: { snapshot: () => [ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    await userEvent.click(within(active).getByRole('button', { name: 'Delete CustomerName' }));
    await expect(await within(active).findByRole('button', { name: /Keep/ })).toHaveFocus();
    await expect(within(active).getByRole('button', { name: /Yes, delete/ })).toBeVisible();
  },
};

const GERMAN_OPERATIONS = {
  Accept: 'Annehmen',
  Reject: 'Ablehnen',
  Transfer: 'Weiterleiten',
  AttachUserData: 'Daten hinzufügen',
  UpdateUserData: 'Daten ändern',
  DeleteUserData: 'Daten löschen',
  SetInFocus: 'In den Fokus',
  Complete: 'Abschließen',
} as const;

/** A host's German table (part of it: the rest stays English), as docs/ui.md describes. */
const GERMAN: OpenmediaWidgetProps['messages'] = {
  lang: 'de',
  title: 'Offene Medien',
  groupOffers: 'Angebote',
  groupActive: 'In Bearbeitung',
  interactionCount: (count) => (count === 1 ? '1 offene Interaktion' : `${count} offene Interaktionen`),
  statusConnected: 'Verbunden',
  operations: GERMAN_OPERATIONS,
  stateLabels: { Invited: 'Angeboten', Processing: 'In Bearbeitung', Completed: 'Erledigt' },
  labelMediaType: 'Medientyp',
  labelDirection: 'Richtung',
  labelReceived: 'Eingegangen',
  labelUserData: 'Benutzerdaten',
  labelResource: 'Ressource',
  errorReference: (referenceId) => `Referenz ${referenceId}`,
  editKey: (key) => `${key} bearbeiten`,
  deleteKey: (key) => `${key} löschen`,
  dismiss: 'Schließen',
  errorTitle: (operation, kind) => `${operation ? GERMAN_OPERATIONS[operation] : 'Die Anfrage'}: ${kind === 'timeout' ? 'Zeitüberschreitung' : 'fehlgeschlagen'}`,
  errorReason: (reason) =>
    reason === 'no-outcome'
      ? 'Der Server hat die Anfrage angenommen, aber ihr Ergebnis kam nie. Prüfen Sie die Karte, bevor Sie es erneut versuchen.'
      : reason === 'no-answer'
        ? 'Keine Antwort vom Server.'
        : undefined,
};

/** A host that translates the widget: its strings, its `lang`, and the widget's own explanation of a failure. */
export const TranslatedGerman: Story = {
  args: { messages: GERMAN, title: 'Offene Medien', locale: 'de-DE' },
  render: harness({ gws: { snapshot: () => [REFUND_REVIEW], outcome: 'never' }, provider: { actionTimeoutMs: 1_000 } }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('region', { name: 'Offene Medien' })).toHaveAttribute('lang', 'de');
    const active = await card(canvasElement, 'Refund review');
    await userEvent.click(within(active).getByRole('button', { name: 'Abschließen' }));
    const alert = await within(active).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Abschließen: Zeitüberschreitung');
    await expect(alert).toHaveTextContent('Der Server hat die Anfrage angenommen, aber ihr Ergebnis kam nie.');
  },
};

/** The side column most agents give the widget (340 px): each key above its value. */
export const NarrowColumn: Story = {
  parameters: { frameWidth: 340 },
  render: harness({ gws: { snapshot: () => [SPRING_OFFER, ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    const active = await card(canvasElement, 'Address change request');
    await expect(within(active).getByRole('button', { name: 'Complete' })).toBeVisible();
  },
};

/** The diagnostics panel after a few messages, one of them malformed, opened. */
export const DiagnosticsPanelOpen: Story = {
  args: { showDiagnostics: true },
  render: harness({
    gws: { snapshot: () => [SPRING_OFFER] },
    script: ({ channel, gws }) => {
      gws.push(storyResource('03W0GH2KD56YV009', 'Invited', { Subject: 'Fibre bundle callback' }, { mediaType: 'workitem' }));
      channel.emit({ messageType: 'OpenmediaStateChangeMessage', notificationType: 'StatusChange', openmedia: { state: 'Invited' } });
      channel.emit('not even an object');
      gws.push({ ...ADDRESS_CHANGE, userData: { ...ADDRESS_CHANGE.userData, Priority: 1 } }, 'PropertiesUpdated', 42);
    },
  }),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByText(DEFAULT_MESSAGES.diagnosticsTitle));
    await expect(await within(canvasElement).findByRole('region', { name: DEFAULT_MESSAGES.diagnosticsLog })).toBeVisible();
    const reasons = within(canvasElement).getByRole('list', { name: DEFAULT_MESSAGES.diagnosticsRejected });
    await expect(within(reasons).getByText('missing-id')).toBeVisible();
    await expect(within(reasons).getByText('not-an-object')).toBeVisible();
  },
};

/** A tab that shares another tab's connection: the diagnostics panel says which part this tab plays. */
export const FollowerTab: Story = {
  args: { showDiagnostics: true },
  render: harness({ gws: { snapshot: () => [SPRING_OFFER] }, tab: { role: 'follower', tabs: 3 } }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Spring upgrade offer');
    await userEvent.click(within(canvasElement).getByText(DEFAULT_MESSAGES.diagnosticsTitle));
    const role = `${DEFAULT_MESSAGES.diagnosticsTab}: ${DEFAULT_MESSAGES.tabRoleFollower} · ${DEFAULT_MESSAGES.tabCount(3)}`;
    await expect(await within(canvasElement).findByText(role)).toBeVisible();
  },
};

const ARABIC_SUBJECT = 'طلب استرداد رقم 4521 للعميل Ahmed (50%)؟';

/** A request written in Arabic whose Resource is a URN (text, not a link). */
const ARABIC_REQUEST = {
  ...storyResource('03W0GH2KD56YV010', 'Processing', { Subject: ARABIC_SUBJECT, 'اسم العميل': 'أحمد منصور', CaseNumber: 'CS-4521' }, { mediaType: 'workitem' }),
  uri: 'urn:gws:openmedia:workitem:03W0GH2KD56YV010',
};

/**
 * A host page written right to left: the widget follows its direction; an Arabic subject, an
 * English one and a URN each keep their own reading order.
 */
export const RightToLeftPage: Story = {
  render: (args) => (
    <div dir="rtl" lang="ar">
      <StoryHarness widget={args} gws={{ snapshot: () => [ARABIC_REQUEST, ADDRESS_CHANGE] }} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const arabic = await card(canvasElement, ARABIC_SUBJECT);
    await expect(getComputedStyle(arabic).direction).toBe('rtl');
    await expect(within(arabic).getByText('أحمد منصور')).toBeVisible();
    const urn = within(arabic).getByText(ARABIC_REQUEST.uri);
    await expect(getComputedStyle(urn).direction).toBe('ltr');
    await expect(within(arabic).queryByRole('link', { name: ARABIC_REQUEST.uri })).toBeNull();
    await card(canvasElement, 'Address change request');
  },
};

export const DarkTheme: Story = {
  args: { theme: 'dark', showDiagnostics: true },
  parameters: { pageTheme: 'dark' },
  render: harness({ gws: { snapshot: () => [SPRING_OFFER, ADDRESS_CHANGE, LOYALTY_DONE] } }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Spring upgrade offer');
    await expect(canvasElement.querySelector('.omw-root')).toHaveAttribute('data-theme', 'dark');
  },
};

export const Compact: Story = {
  args: { compact: true, title: 'Focused work' },
  render: harness({ gws: { snapshot: () => [SPRING_OFFER, ADDRESS_CHANGE] } }),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Address change request');
  },
};
