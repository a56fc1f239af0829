import { CardRenderFailed } from '../components/connected-interaction-card';
import { InteractionCard } from '../components/interaction-card';
import { OpenmediaWidgetView } from '../components/openmedia-widget-view';
import { RenderGuard } from '../components/render-guard';
import type { TransferTarget } from '../components/transfer-target';
import { useConnectionStatus, useFocusedId, useInteraction } from '../hooks/use-interaction';
import { useInteractionAction } from '../hooks/use-interaction-action';

const MESSAGES = {
  emptyTitle: 'Nothing in focus',
  emptyBody: 'Choose “Set in focus” on an interaction to work on it here.',
};

/**
 * A second view on the same provider: only the interaction in focus, compact. Built from the
 * public hooks and components, as a host would build its own panel.
 */
export function FocusedInteractionPanel({ transferTargets }: { readonly transferTargets: readonly TransferTarget[] }) {
  const status = useConnectionStatus();
  const focusedId = useFocusedId();
  // The hooks take an id; with nothing in focus they look up one that never exists.
  const id = focusedId ?? '';
  const entry = useInteraction(id);
  const { perform, dismissError } = useInteractionAction(id);
  return (
    <OpenmediaWidgetView
      title="Focused interaction"
      compact
      entries={entry ? [entry] : []}
      status={status}
      messages={MESSAGES}
      renderCard={(shown, headingLevel) => (
        // As the widget guards each of its cards: a card that fails to draw does not take the desktop down.
        <RenderGuard resetKey={shown} fallback={(retry, failure) => <CardRenderFailed entry={shown} headingLevel={headingLevel} onRetry={retry} failure={failure} />}>
          <InteractionCard
            entry={shown}
            focused
            transferTargets={transferTargets}
            onPerform={perform}
            onDismissError={dismissError}
            headingLevel={headingLevel}
          />
        </RenderGuard>
      )}
    />
  );
}
