import { memo, useCallback, useContext, useId, useLayoutEffect, useState } from 'react';
import type { ActionError, ActionOutcome, InteractionEntry } from '../core/types';
import { useProvidedClient } from '../hooks/openmedia-context';
import { useEntryOf } from '../hooks/use-interaction';
import { useCommandsOf } from '../hooks/use-interaction-action';
import type { OperationRequest } from '../protocol/types';
import type { ActionListener } from './action-event';
import { InteractionCard, interactionSubject } from './interaction-card';
import { useMessages } from './messages-context';
import { RenderFailedNote, RenderGuard, type RenderFailure } from './render-guard';
import { FocusRecheckContext } from './use-focus-recovery';
import type { TransferTarget } from './transfer-target';

export interface ConnectedInteractionCardProps {
  readonly id: string;
  readonly focused: boolean;
  readonly transferTargets: readonly TransferTarget[] | undefined;
  /** Stable across renders (the widget passes a latest-ref wrapper). */
  readonly onAction: ActionListener;
  readonly locale: string | undefined;
  readonly headingLevel: 2 | 3 | 4 | 5;
}

/**
 * A card bound to the store: it re-renders only when its own entry changes. Rendered inside
 * OpenmediaWidget, which keeps the client connected, so it holds no connection of its own. Runs the host's
 * `onAction` veto before sending and reports the outcome after.
 */
export const ConnectedInteractionCard = memo(function ConnectedInteractionCard({
  id,
  focused,
  transferTargets,
  onAction,
  locale,
  headingLevel,
}: ConnectedInteractionCardProps) {
  const messages = useMessages();
  // The widget around the cards keeps the client connected; a card only reads its entry.
  const client = useProvidedClient('OpenmediaWidget');
  const entry = useEntryOf(client, id);
  const { perform, dismissError } = useCommandsOf(client, id);
  // A host veto never reaches the store (nothing was sent), so the card keeps it itself.
  const [veto, setVeto] = useState<ActionError | undefined>(undefined);

  // Stable while the card's inputs are: the card then runs its "latest handlers" effect only when
  // its editor changes, not on every notification.
  const { vetoedByHost } = messages;
  const onPerform = useCallback((request: OperationRequest) => {
    if (onAction({ phase: 'before', interactionId: id, request }) === false) {
      setVeto({
        operation: request.operationName,
        message: vetoedByHost,
        code: undefined,
        kind: 'vetoed',
        referenceId: undefined,
        at: Date.now(),
      });
      onAction({ phase: 'after', interactionId: id, request, outcome: { status: 'vetoed' } });
      return;
    }
    setVeto(undefined);
    // The promise settles from the store's transitions, so an outcome that lands within one
    // frame, or while the card is unmounted, is still reported.
    // An outcome that comes after the timeout (or after "unknown") is reported again, as late.
    const onLateOutcome = (late: ActionOutcome) => {
      if (late.status !== 'ignored') onAction({ phase: 'after', interactionId: id, request, outcome: late });
    };
    void perform(request, { onLateOutcome }).then((settlement) => {
      if (settlement.status === 'ignored') return;
      onAction({ phase: 'after', interactionId: id, request, outcome: settlement });
    });
  }, [id, onAction, perform, vetoedByHost]);

  const onDismissError = useCallback(() => {
    setVeto(undefined);
    dismissError();
  }, [dismissError]);

  if (!entry) return null;
  // Show whichever problem is newer: a veto after a server error, or a server error after a veto.
  const error = veto && (!entry.error || veto.at >= entry.error.at) ? veto : entry.error;
  const shown = error === entry.error ? entry : { ...entry, error };
  return (
    // A card the widget fails to draw (a bug) leaves its place to a short note; the other cards stay.
    // Drawn again when its entry changes (at most every 2 s while it keeps failing), or at "Try again".
    <RenderGuard resetKey={shown} fallback={(retry, failure) => <CardRenderFailed entry={entry} headingLevel={headingLevel} onRetry={retry} failure={failure} />}>
      <InteractionCard
        entry={shown}
        focused={focused}
        transferTargets={transferTargets}
        onPerform={onPerform}
        onDismissError={onDismissError}
        locale={locale}
        headingLevel={headingLevel}
      />
    </RenderGuard>
  );
});

/** In place of a card that could not be drawn: which interaction, that it could not be shown, and a way to try again. */
export function CardRenderFailed({ entry, headingLevel, onRetry, failure }: { readonly entry: InteractionEntry; readonly headingLevel: 2 | 3 | 4 | 5; readonly onRetry: () => void; readonly failure: RenderFailure }) {
  const messages = useMessages();
  const titleId = useId();
  // Drawn in place of the card (or of itself, after a failed retry): the control that had focus may be gone.
  const recheckFocus = useContext(FocusRecheckContext);
  useLayoutEffect(() => {
    recheckFocus?.();
  });
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="omw-card omw-card--error" aria-labelledby={titleId} tabIndex={-1} data-omw-card={entry.interaction.id}>
      <Heading id={titleId} className="omw-card__title" dir="auto">
        {interactionSubject(entry)}
      </Heading>
      <RenderFailedNote part="card" messages={messages} onRetry={onRetry} failure={failure} />
    </article>
  );
}
