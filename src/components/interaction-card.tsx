import { createRef, memo, useCallback, useContext, useId, useLayoutEffect, useState, type RefObject } from 'react';
import { canPerform, isEnded } from '../core/selectors';
import type { ActionError, InteractionEntry } from '../core/types';
import { subjectOf } from '../protocol/interaction';
import { KNOWN_OPERATIONS, type OperationRequest } from '../protocol/types';
import { ActionBar, type BarOperation } from './action-bar';
import { ActionErrorAlert } from './action-error-alert';
import { TITLE_TOOLTIP_AFTER, stateTone } from './format';
import { InteractionMeta } from './interaction-meta';
import { LazyTransferDialog } from './lazy-parts';
import { DEFAULT_MESSAGES } from './messages';
import { useMessages } from './messages-context';
import { createStringCache } from './shared-strings';
import { StateChip } from './state-chip';
import { TimeInState } from './time-in-state';
import type { TransferTarget } from './transfer-target';
import { EDITOR_CLOSED, type EditorState } from './user-data-editor-state';
import { FocusRecheckContext, focusIfLost } from './use-focus-recovery';
import { UserDataSection } from './user-data-section';
import { UnsavedDraftsContext, createUnsavedDrafts, draftKey, type DraftSource, type UnsavedDraft, type UnsavedDrafts } from './unsaved-draft';
import { UnsavedDraftNote } from './unsaved-draft-note';
// Also here, so a card used on its own (inside an element with class omw-root) is styled.
import './openmedia-widget.css';

export interface InteractionCardProps {
  readonly entry: InteractionEntry;
  /** This interaction is the one the agent put in focus. */
  readonly focused?: boolean;
  readonly transferTargets?: readonly TransferTarget[];
  /** Send an operation; the outcome comes back through `entry.pending` and `entry.error`. */
  readonly onPerform: (request: OperationRequest) => void;
  readonly onDismissError: () => void;
  /** BCP 47 tag for dates; the browser's locale by default. */
  readonly locale?: string;
  /** Level of the card's title heading (default 3). */
  readonly headingLevel?: 2 | 3 | 4 | 5;
}

const NO_TARGETS: readonly TransferTarget[] = [];
/** A card that mounted inside a widget and was later drawn outside one: keeps nothing. */
const NO_DRAFTS = createUnsavedDrafts(0);

interface DraftView {
  /** The interaction these are of. */
  readonly id: string;
  /** A card outside a widget: its own store. */
  readonly own: UnsavedDrafts | undefined;
  /** On show, oldest first; `announce`: not said yet (an alert), else already said by the card before this one. */
  readonly unsaved: readonly { readonly draft: UnsavedDraft; readonly announce: boolean }[];
}

/** Shared by every card with no draft (nearly all): no array of their own. */
const NONE_UNSAVED: DraftView['unsaved'] = [];

function draftViewOf(id: string, shared: UnsavedDrafts | null, own?: UnsavedDrafts): DraftView {
  const store = shared ?? own ?? createUnsavedDrafts(1);
  // Drafts the card before this one had on show were announced there; one it was typing is
  // announced here, when the mount effect keeps it.
  const { shown } = store.peek(id);
  return { id, own: shared === null ? store : undefined, unsaved: shown.length === 0 ? NONE_UNSAVED : shown.map((draft) => ({ draft, announce: false })) };
}

/** The title's element per level: one string each, not a new one per render (every card's fibers hold it). */
const HEADING_TAGS = { 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5' } as const;

/** The Transfer dialog: closed by the agent (or never opened), open, or closed by a server change. */
type TransferDialogState = 'closed' | 'open' | 'lost';

/**
 * What the agent has open on the card, as one state: React holds a card's hooks twice (its two
 * trees) for every card, so one state instead of four.
 */
interface CardUi {
  readonly editor: EditorState;
  readonly transfer: TransferDialogState;
  /** The key a per-key request was sent for, so only that key's button shows progress. */
  readonly keyedRequest: string | undefined;
  /** The editor was closed by the server, not by the agent: its field (which may have had focus) is gone. */
  readonly editorLost: boolean;
}

const UI_INITIAL: CardUi = { editor: EDITOR_CLOSED, transfer: 'closed', keyedRequest: undefined, editorLost: false };

/** An update of one part of the card's state (the same state when that part is unchanged). */
function withUi<K extends keyof CardUi>(key: K, value: CardUi[K]): (ui: CardUi) => CardUi {
  return (ui) => (ui[key] === value ? ui : { ...ui, [key]: value });
}

/** What the card's layout effect reads and compares; see CardRefs.ran. */
interface CardRun {
  readonly editor: EditorState;
  readonly transfer: TransferDialogState;
  readonly editorLost: boolean;
  readonly drafts: UnsavedDrafts;
  readonly id: string;
  readonly onPerform: (request: OperationRequest) => void;
}

/** The card's refs and what its handlers read, made once as one object (one hook instead of five). */
interface CardRefs {
  readonly card: RefObject<HTMLElement | null>;
  readonly transfer: RefObject<HTMLButtonElement | null>;
  readonly add: RefObject<HTMLButtonElement | null>;
  /** The agent closed the Add form: focus goes back to Add data once it is drawn. */
  focusAddNext: boolean;
  /** The latest render's editor, onPerform, drafts and id, for the stable onOperation. */
  latest: CardRun;
  /** What the layout effect last ran with; undefined before it first ran. */
  ran: CardRun | undefined;
}

function createCardRefs(latest: CardRun): CardRefs {
  return { card: createRef(), transfer: createRef(), add: createRef(), focusAddNext: false, latest, ran: undefined };
}
// One class string per look, shared by every card (see shared-strings).
const cardClasses = createStringCache();
const KNOWN: readonly string[] = KNOWN_OPERATIONS;
// Where the title's tooltip starts: in format.ts, so the (lazily loaded) Transfer dialog's title
// shares it without importing the card.
export { TITLE_TOOLTIP_AFTER };

/** The title of an interaction: its subject when it has one, else its id. */
export function interactionSubject(entry: InteractionEntry): string {
  return subjectOf(entry.interaction) ?? entry.interaction.id;
}

/** One failure apart from another, the same words too: its time, kind and request (kept across tabs). */
function alertKey(error: ActionError): string {
  return `${error.at}|${error.kind}|${error.requestId ?? ''}|${error.referenceId ?? ''}`;
}

/** One interaction: what it is, how long it has been in its state, its user data and its actions. */
export const InteractionCard = memo(function InteractionCard({
  entry,
  focused = false,
  transferTargets = NO_TARGETS,
  onPerform,
  onDismissError,
  locale,
  headingLevel = 3,
}: InteractionCardProps) {
  const messages = useMessages();
  const titleId = useId();
  const { interaction } = entry;
  const [ui, setUi] = useState(UI_INITIAL);
  const { editor, transfer, keyedRequest, editorLost } = ui;
  // What the agent typed and did not save is held by the widget's drafts (see UnsavedDrafts): a
  // card that replaces this one (the interaction ended) shows it too. One state per card.
  const sharedDrafts = useContext(UnsavedDraftsContext);
  const { id } = interaction;
  const [draftView, setDraftView] = useState(() => draftViewOf(id, sharedDrafts));
  // Given another interaction (a host's card without a key): that one's drafts, not these.
  if (draftView.id !== id) setDraftView(draftViewOf(id, sharedDrafts, draftView.own));
  const drafts = sharedDrafts ?? draftView.own ?? NO_DRAFTS;
  const [refs] = useState(() => createCardRefs({ editor, transfer, editorLost, drafts, id, onPerform }));

  const ended = isEnded(entry);
  const has = (op: string) => interaction.capabilities.includes(op);
  const unknownCapabilities = interaction.capabilities.filter((c) => !KNOWN.includes(c));
  const subject = interactionSubject(entry);
  const Heading = HEADING_TAGS[headingLevel];
  const pendingOp = entry.pending?.operation;

  // An open editor or dialog whose operation became impossible (capability gone, the value now a
  // kind the field cannot send back) closes, rather than lingering and reappearing later with stale
  // input; what the agent had typed stays on the card (UnsavedDraftNote).
  // An action in flight does not close what the agent is typing: Save waits (its buttons are
  // disabled while anything is pending) and says why. Another tab's action does not close the
  // Transfer dialog either; this card's own cannot start while the dialog is open.
  const free = entry.pending?.elsewhere === true ? { ...entry, pending: undefined } : entry;
  const idle = entry.pending === undefined ? entry : { ...entry, pending: undefined };
  const waiting =
    entry.pending?.elsewhere === true ? messages.pendingElsewhere(messages.operations[entry.pending.operation], entry.pending.onThisPage === true ? 'page' : 'tab') : undefined;
  const editorWaiting =
    waiting ?? (entry.pending === undefined ? undefined : (messages.pendingHere ?? DEFAULT_MESSAGES.pendingHere)?.(messages.operations[entry.pending.operation]));
  const flattened = (key: string) => interaction.userDataKinds !== undefined && Object.hasOwn(interaction.userDataKinds, key);
  const editorAllowed =
    editor.mode === 'none' ||
    (editor.mode === 'add' && canPerform(idle, 'AttachUserData')) ||
    // A key deleted on the server under an open editor: the editor stays while Save can add it back.
    (editor.mode === 'edit' &&
      canPerform(idle, 'UpdateUserData') &&
      !flattened(editor.key) &&
      (Object.hasOwn(interaction.userData, editor.key) || canPerform(idle, 'AttachUserData'))) ||
    (editor.mode === 'delete' && canPerform(idle, 'DeleteUserData') && Object.hasOwn(interaction.userData, editor.key));
  // Closed by the server, not by the agent: its field (which may have had focus) is gone.
  if (!editorAllowed) setUi((current) => ({ ...current, editor: EDITOR_CLOSED, editorLost: true }));
  const shownEditor = editorAllowed ? editor : EDITOR_CLOSED;
  if (transfer === 'open' && !canPerform(free, 'Transfer')) setUi(withUi('transfer', 'lost'));

  // Rendered on its own, the card may have removed the control that had focus: the widget checks.
  const recheckFocus = useContext(FocusRecheckContext);
  // One layout effect after every render (React holds each effect's objects twice, for every
  // card), doing in order what depends on what changed since it last ran:
  useLayoutEffect(() => {
    const before = refs.ran;
    const now: CardRun = { editor, transfer, editorLost, drafts, id, onPerform };
    refs.ran = now;
    const changed = (...keys: (keyof CardRun)[]) => before === undefined || keys.some((key) => before[key] !== now[key]);
    // Closed by a server change, the dialog cannot give focus back to the Transfer button (gone or
    // disabled): the card takes it. The widget's focus recovery does so when the card moved
    // (ended: a new card in another group); this covers a change the widget does not render
    // (Transfer no longer in the capabilities).
    if (changed('transfer') && transfer === 'lost' && refs.card.current) focusIfLost(refs.card.current);
    recheckFocus?.();
    // The same for an inline editor (value, Add form, delete confirmation) the server closed. And
    // what the agent had typed into an editor or the Transfer dialog that is not open now (the
    // server closed it, or the card before this one went with it open) stays on the card, announced.
    const editorOpen = editor.mode !== 'none';
    const transferOpen = transfer === 'open';
    if (changed('editorLost', 'drafts', 'id') || before === undefined || (before.editor.mode !== 'none') !== editorOpen || (before.transfer === 'open') !== transferOpen) {
      if (editorLost) editorLostShown();
      const closed: DraftSource[] = [];
      if (!editorOpen) closed.push('editor');
      if (!transferOpen) closed.push('transfer');
      showKept(drafts.keep(id, closed));
      if (editorLost && refs.card.current) focusIfLost(refs.card.current);
    }
    // Stable, reading the latest render's editor and onPerform: the (memoised) action bar then
    // renders again only when its buttons change, not on every notification for this card. Focus
    // moves to Add data when its form closed (a change of the editor).
    if (changed('editor', 'onPerform', 'drafts', 'id')) {
      refs.latest = now;
      if (refs.focusAddNext) {
        refs.focusAddNext = false;
        refs.add.current?.focus();
      }
    }
  });
  /** The effect has handled an editor the server closed (at most once: the flag is then false). */
  function editorLostShown(): void {
    setUi(withUi('editorLost', false));
  }
  /** Drafts just kept: on show, announced. */
  function showKept(kept: readonly UnsavedDraft[]): void {
    if (kept.length === 0) return;
    setDraftView((view) => ({ ...view, unsaved: [...view.unsaved.filter((d) => !kept.includes(d.draft)), ...kept.map((draft) => ({ draft, announce: true }))] }));
  }
  const dismissDraft = (draft: UnsavedDraft) => {
    drafts.dismiss(id, draft);
    setDraftView((view) => ({ ...view, unsaved: view.unsaved.filter((d) => d.draft !== draft) }));
  };

  const changeEditor = (next: EditorState) => {
    // The agent's own doing (Save, Cancel, another editor): nothing of the old editor is kept.
    drafts.typing(id, undefined);
    if (editor.mode === 'add' && next.mode === 'none') refs.focusAddNext = true;
    setUi(withUi('editor', next));
  };

  const onOperation = useCallback((op: BarOperation) => {
    const current = refs.latest;
    switch (op) {
      case 'Transfer':
        setUi(withUi('transfer', 'open'));
        return;
      case 'AttachUserData':
        current.drafts.typing(current.id, undefined);
        if (current.editor.mode === 'add') refs.focusAddNext = true;
        setUi(withUi('editor', current.editor.mode === 'add' ? EDITOR_CLOSED : { mode: 'add' }));
        return;
      case 'Accept':
      case 'Reject':
      case 'SetInFocus':
      case 'Complete':
        current.onPerform({ operationName: op });
        return;
    }
  }, [refs]);

  const tone = stateTone(interaction.state, interaction.ended);
  const shownError = entry.error?.quiet === true ? undefined : entry.error;
  const hasError = shownError !== undefined;
  // An ended interaction is no longer worked on: its dimmed card does not claim to be in focus
  // (the host's notion of the focus, `onFocus` and the focused id, is left as GWS confirmed it).
  const inFocus = focused && !ended;
  const className = cardClasses.get(`${tone}${ended ? '+ended' : ''}${inFocus ? '+focused' : ''}${hasError ? '+error' : ''}`, () =>
    ['omw-card', `omw-card--${tone}`, ended ? 'omw-card--ended' : '', inFocus ? 'omw-card--focused' : '', hasError ? 'omw-card--error' : '']
      .filter(Boolean)
      .join(' '),
  );

  return (
    <article
      ref={refs.card}
      className={className}
      aria-labelledby={titleId}
      aria-current={inFocus ? 'true' : undefined}
      // Focusable from script only: receives focus when the control that had it disappears.
      tabIndex={-1}
      data-omw-card={interaction.id}
    >
      <header className="omw-card__header">
        {/* The chip alone needs no wrapper (one element less per card); with the focus badge it groups them. */}
        {inFocus ? (
          <div className="omw-card__badges">
            <StateChip state={interaction.state} ended={interaction.ended} lastKnown={entry.gone} />
            <span className="omw-badge omw-badge--focus">{messages.inFocus}</span>
          </div>
        ) : (
          <StateChip state={interaction.state} ended={interaction.ended} lastKnown={entry.gone} />
        )}
        <TimeInState since={entry.stateSince} frozenAt={ended ? (entry.endedAt ?? entry.stateSince) : undefined} atLeast={entry.stateSinceExact === false} />
      </header>
      <Heading
        id={titleId}
        className="omw-card__title"
        // The Subject comes from the server, in any script: its own direction, isolated.
        dir="auto"
        // Clamped to 3 lines by CSS; the whole Subject stays its text (the card's name).
        title={subject.length > TITLE_TOOLTIP_AFTER ? subject : undefined}
      >
        {subject}
      </Heading>
      <InteractionMeta
        id={interaction.id}
        mediaType={interaction.mediaType}
        openmediaType={interaction.openmediaType}
        receivedAt={interaction.receivedAt}
        receivedDate={interaction.receivedDate}
        uri={interaction.uri}
        locale={locale}
      />
      {ended ? <p className="omw-card__ended">{entry.gone ? messages.gone : messages.ended}</p> : null}
      <UserDataSection
        userData={interaction.userData}
        userDataKinds={interaction.userDataKinds}
        update={{
          present: !ended && has('UpdateUserData'),
          enabled: canPerform(entry, 'UpdateUserData'),
          busyKey: pendingOp === 'UpdateUserData' ? keyedRequest : undefined,
        }}
        remove={{
          present: !ended && has('DeleteUserData'),
          enabled: canPerform(entry, 'DeleteUserData'),
          busyKey: pendingOp === 'DeleteUserData' ? keyedRequest : undefined,
        }}
        editor={shownEditor}
        waiting={editorWaiting}
        describedBy={titleId}
        onEditorChange={changeEditor}
        // Read through the section's own ref: a new function each render costs its rows nothing.
        onDraftChange={(draft) => drafts.typing(id, draft === undefined ? undefined : { ...draft, subject })}
        onAdd={(key, value) => {
          changeEditor(EDITOR_CLOSED);
          onPerform({ operationName: 'AttachUserData', userData: { [key]: value } });
        }}
        onUpdate={(key, value) => {
          // Deleted on the server while it was being edited: UpdateUserData overwrites keys that
          // exist, so the agent's value adds it back.
          if (!Object.hasOwn(interaction.userData, key)) {
            onPerform({ operationName: 'AttachUserData', userData: { [key]: value } });
            return;
          }
          setUi(withUi('keyedRequest', key));
          onPerform({ operationName: 'UpdateUserData', userData: { [key]: value } });
        }}
        onDelete={(key) => {
          setUi(withUi('keyedRequest', key));
          onPerform({ operationName: 'DeleteUserData', keys: [key] });
        }}
      />
      {draftView.unsaved.map(({ draft, announce }) => (
        <UnsavedDraftNote key={draftKey(draft)} draft={draft} subject={subject} announce={announce} describedBy={titleId} onDismiss={() => dismissDraft(draft)} />
      ))}
      {/* Keyed by the failure: the same words again (refused twice) are a new alert, announced again. */}
      {shownError ? <ActionErrorAlert key={alertKey(shownError)} error={shownError} onDismiss={onDismissError} subject={subject} describedBy={titleId} /> : null}
      {/* Not a live region: the agent acted in that other tab, where its progress is shown too. */}
      {/* An open inline editor says it where its Save is held instead. */}
      {waiting !== undefined && shownEditor.mode === 'none' ? <p className="omw-card__elsewhere">{waiting}</p> : null}
      {/* An ended interaction (Completed, or no longer listed by GWS) offers nothing to do. */}
      {ended ? null : (
        <ActionBar
          capabilities={interaction.capabilities}
          describedBy={titleId}
          pendingOperation={pendingOp}
          onOperation={onOperation}
          addOpen={editor.mode === 'add'}
          transferRef={refs.transfer}
          addRef={refs.add}
        />
      )}
      {unknownCapabilities.length > 0 ? (
        <p className="omw-card__other">
          {messages.labelOtherCapabilities}: {unknownCapabilities.join(', ')}
        </p>
      ) : null}
      {transfer === 'open' && canPerform(free, 'Transfer') ? (
        <LazyTransferDialog
          subject={subject}
          targets={transferTargets}
          returnFocusRef={refs.transfer}
          cardId={interaction.id}
          waiting={waiting}
          onClose={() => {
            drafts.typing(id, undefined, 'transfer');
            setUi(withUi('transfer', 'closed'));
          }}
          onConfirm={(targetUri) => {
            drafts.typing(id, undefined, 'transfer');
            setUi(withUi('transfer', 'closed'));
            onPerform({ operationName: 'Transfer', targetUri });
          }}
          onDraftChange={(uri) => drafts.typing(id, uri === undefined ? undefined : { key: '', value: uri, adding: false, transfer: true, subject }, 'transfer')}
        />
      ) : null}
    </article>
  );
});
