import type { ActionEvent } from '../components/action-event';
import type { OpenmediaInteraction } from '../protocol/types';

/** Fired on the widget's element when an interaction becomes the one in focus. */
export const OPENMEDIA_FOCUS_EVENT = 'openmedia-focus';
/**
 * Fired on the widget's element before each action (cancelable: `preventDefault()` vetoes it, and
 * nothing is sent) and again after it succeeded, failed or was vetoed.
 */
export const OPENMEDIA_ACTION_EVENT = 'openmedia-action';
/**
 * Fired on the widget's element once per new offer in the browser (by the tab holding the shared
 * connection), also while the tab is hidden: `detail.interaction` is the offer.
 */
export const OPENMEDIA_OFFER_EVENT = 'openmedia-offer';
/** Fired on a custom element whose attributes could not all be read (the rest still apply). */
export const OPENMEDIA_CONFIG_ERROR_EVENT = 'openmedia-config-error';

export interface OpenmediaFocusEventDetail {
  readonly interaction: OpenmediaInteraction;
  /** Put in focus from another tab of this browser, not from this one (see `OpenmediaWidget`'s `onFocus`). */
  readonly fromAnotherTab: boolean;
}

/** The same object `<OpenmediaWidget onAction>` receives. */
export type OpenmediaActionEventDetail = ActionEvent;

export interface OpenmediaOfferEventDetail {
  readonly interaction: OpenmediaInteraction;
}

export interface OpenmediaConfigErrorEventDetail {
  /** One sentence per attribute that is ignored now, saying why: every current problem. */
  readonly problems: readonly string[];
  /** Those of `problems` that are new since the last event (the reason this one fires). */
  readonly added: readonly string[];
}

declare global {
  /**
   * The element's events, typed for a TypeScript host: `element.addEventListener('openmedia-action',
   * (event) => event.detail.request…)` with no cast. On every element and the document, since they
   * bubble.
   */
  interface GlobalEventHandlersEventMap {
    'openmedia-focus': CustomEvent<OpenmediaFocusEventDetail>;
    'openmedia-action': CustomEvent<OpenmediaActionEventDetail>;
    'openmedia-offer': CustomEvent<OpenmediaOfferEventDetail>;
    'openmedia-config-error': CustomEvent<OpenmediaConfigErrorEventDetail>;
  }
}

// Bubbling and composed, so a listener on the document (or outside a shadow root) hears them.
export function dispatchFocusEvent(target: EventTarget, interaction: OpenmediaInteraction, fromAnotherTab: boolean): void {
  target.dispatchEvent(
    new CustomEvent<OpenmediaFocusEventDetail>(OPENMEDIA_FOCUS_EVENT, { detail: { interaction, fromAnotherTab }, bubbles: true, composed: true }),
  );
}

export function dispatchOfferEvent(target: EventTarget, interaction: OpenmediaInteraction): void {
  target.dispatchEvent(
    new CustomEvent<OpenmediaOfferEventDetail>(OPENMEDIA_OFFER_EVENT, { detail: { interaction }, bubbles: true, composed: true }),
  );
}

/** Returns false when a listener called `preventDefault()` on a `before` event. */
export function dispatchActionEvent(target: EventTarget, event: ActionEvent): boolean {
  return target.dispatchEvent(
    new CustomEvent<OpenmediaActionEventDetail>(OPENMEDIA_ACTION_EVENT, {
      detail: event,
      bubbles: true,
      composed: true,
      cancelable: event.phase === 'before',
    }),
  );
}

export function dispatchConfigErrorEvent(target: EventTarget, problems: readonly string[], added: readonly string[] = problems): void {
  target.dispatchEvent(
    new CustomEvent<OpenmediaConfigErrorEventDetail>(OPENMEDIA_CONFIG_ERROR_EVENT, { detail: { problems, added }, bubbles: true, composed: true }),
  );
}
