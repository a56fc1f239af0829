import { useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { TITLE_TOOLTIP_AFTER } from './format';
import { useMessages } from './messages-context';
import { Modal } from './modal';
import { filterTargets, type TransferTarget } from './transfer-target';
import { TransferTargetGroup } from './transfer-target-group';

export interface TransferDialogProps {
  /** How the interaction is named in the dialog title (its subject or id). */
  readonly subject: string;
  readonly targets: readonly TransferTarget[];
  readonly onConfirm: (targetUri: string) => void;
  readonly onClose: () => void;
  /** Hears the target chosen (its URI, picked or typed; undefined: none): the card keeps it should the dialog close before Transfer. */
  readonly onDraftChange?: ((uri: string | undefined) => void) | undefined;
  /** The Transfer button, which gets focus back when the dialog closes. */
  readonly returnFocusRef?: RefObject<HTMLElement | null>;
  /**
   * The id of the card it transfers: the widget's focus recovery then counts focus in the dialog
   * as that card's, and gives the card focus if a server change closes the dialog.
   */
  readonly cardId?: string;
  /**
   * Another tab's action in flight on the interaction, as the card says it: shown in the dialog
   * (which covers the card), and Confirm holds until it ends; what was typed stays.
   */
  readonly waiting?: string | undefined;
}

// Stands for the subject while the message is split around it: a noncharacter, never in a message.
const SUBJECT_SLOT = '\uFDD0';

/**
 * The message with the subject in a <bdi>: the Subject comes from the server, in any script, and
 * must keep its own direction inside the message's ("Transfer “طلب 4521 (50%)؟”"). The text (the
 * dialog's name) is the message's as before: a message that does not show its argument once, as
 * given, is shown as it is.
 */
function isolatedIn(message: (subject: string) => string, subject: string): ReactNode {
  const whole = message(subject);
  const parts = message(SUBJECT_SLOT).split(SUBJECT_SLOT);
  if (parts.length !== 2 || `${parts[0]}${subject}${parts[1]}` !== whole) return whole;
  return (
    <>
      {parts[0]}
      <bdi>{subject}</bdi>
      {parts[1]}
    </>
  );
}

/** Pick an agent or a queue (or type any target URI) and confirm the transfer. */
export function TransferDialog({ subject, targets, onConfirm, onClose, returnFocusRef, cardId, waiting, onDraftChange }: TransferDialogProps) {
  const messages = useMessages();
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();
  const waitingId = useId();
  const radioName = useId();
  const [query, setQuery] = useState('');
  const [uri, setUri] = useState('');
  const [showError, setShowError] = useState(false);
  const uriRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const chosen = uri.trim() === '' ? undefined : uri.trim();
  useLayoutEffect(() => {
    onDraftChange?.(chosen);
  }, [chosen, onDraftChange]);

  const visible = filterTargets(targets, query);
  const agents = visible.filter((t) => t.kind === 'agent');
  const queues = visible.filter((t) => t.kind === 'queue');
  const invalid = showError && uri.trim() === '';

  const pick = (target: TransferTarget) => {
    setUri(target.uri);
    setShowError(false);
  };

  return (
    <Modal
      labelledBy={titleId}
      onClose={onClose}
      initialFocusRef={targets.length > 0 ? filterRef : uriRef}
      returnFocusRef={returnFocusRef}
    >
      <form
        className="omw-transfer"
        data-omw-card-of={cardId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (waiting !== undefined) return;
          const target = uri.trim();
          if (target === '') {
            setShowError(true);
            uriRef.current?.focus();
            return;
          }
          onConfirm(target);
        }}
      >
        <h2 id={titleId} className="omw-dialog__title" dir="auto" title={subject.length > TITLE_TOOLTIP_AFTER ? messages.transferTitle(subject) : undefined}>
          {isolatedIn(messages.transferTitle, subject)}
        </h2>
        {targets.length > 0 ? (
          <>
            <label className="omw-field">
              <span className="omw-field__label">{messages.transferFilter}</span>
              <input
                ref={filterRef}
                className="omw-input"
                type="search"
                autoComplete="off"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
            <div className="omw-transfer__targets">
              <TransferTargetGroup
                legend={messages.transferAgents}
                targets={agents}
                name={radioName}
                selectedUri={uri.trim()}
                onPick={pick}
              />
              <TransferTargetGroup
                legend={messages.transferQueues}
                targets={queues}
                name={radioName}
                selectedUri={uri.trim()}
                onPick={pick}
              />
              {/* Mounted with the list, empty while something matches, so "no match" is announced when the filter leaves nothing. */}
              <div role="status" className="omw-transfer__live">
                {visible.length === 0 ? <p className="omw-muted">{messages.transferNoTargets}</p> : null}
              </div>
            </div>
          </>
        ) : null}
        <label className="omw-field">
          <span className="omw-field__label">{messages.transferUri}</span>
          <input
            ref={uriRef}
            className="omw-input omw-input--mono"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={uri}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => {
              setUri(event.target.value);
              if (event.target.value.trim() !== '') setShowError(false);
            }}
          />
        </label>
        <p id={hintId} className="omw-field__hint">
          {messages.transferUriHint}
        </p>
        {invalid ? (
          <p id={errorId} className="omw-field__error">
            {messages.transferUriRequired}
          </p>
        ) : null}
        {/* Mounted from the first render, so the line is announced when another tab's action holds Confirm. */}
        <div role="status" className="omw-transfer__live">
          {waiting === undefined ? null : (
            <p id={waitingId} className="omw-transfer__waiting">
              {waiting}
            </p>
          )}
        </div>
        <div className="omw-dialog__actions">
          <button type="button" className="omw-button omw-button--secondary" onClick={onClose}>
            {messages.cancel}
          </button>
          <button
            type="submit"
            className="omw-button omw-button--primary"
            disabled={waiting !== undefined}
            aria-describedby={waiting === undefined ? undefined : waitingId}
          >
            {messages.transferConfirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
