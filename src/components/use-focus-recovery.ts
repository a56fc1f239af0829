import { createContext, useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';
import { activeElementOf } from './active-element';

/**
 * The widget's focus check, for a card to run after it rendered on its own (the widget renders
 * each card alone when only that card changed): a control of the card that had focus may be gone
 * (a user-data row deleted, a button whose capability went) in a browser that fired no `blur`.
 */
export const FocusRecheckContext = createContext<(() => void) | undefined>(undefined);

const CARD_SELECTOR = '[data-omw-card]';
// A card's dialog renders outside the card (in the widget's dialog host) and names its card.
const CARD_OR_DIALOG_SELECTOR = '[data-omw-card], [data-omw-card-of]';

function cardIdOf(element: EventTarget | null): string | undefined {
  const owner = element instanceof Element ? element.closest<HTMLElement>(CARD_OR_DIALOG_SELECTOR) : null;
  return owner?.dataset.omwCard ?? owner?.dataset.omwCardOf;
}

/** The interaction whose card (or card's dialog) has focus, if focus is in `root`. */
export function focusedCardIn(root: HTMLElement | null): string | undefined {
  if (root === null) return undefined;
  const active = activeElementOf(root);
  return active !== null && root.contains(active) ? cardIdOf(active) : undefined;
}

function cardsIn(root: HTMLElement): Map<string, HTMLElement> {
  const cards = new Map<string, HTMLElement>();
  for (const card of root.querySelectorAll<HTMLElement>(CARD_SELECTOR)) {
    if (card.dataset.omwCard !== undefined) cards.set(card.dataset.omwCard, card);
  }
  return cards;
}

/**
 * The card to move to when card `id` has gone: the next one of `order` (the cards as last drawn)
 * still shown, which now stands where it stood, else the nearest one before it.
 */
function neighbourOf(cards: ReadonlyMap<string, HTMLElement>, order: readonly string[], id: string): HTMLElement | undefined {
  const index = order.indexOf(id);
  if (index < 0) return undefined;
  for (let i = index + 1; i < order.length; i += 1) {
    const card = cards.get(order[i] ?? '');
    if (card) return card;
  }
  for (let i = index - 1; i >= 0; i -= 1) {
    const card = cards.get(order[i] ?? '');
    if (card) return card;
  }
  return undefined;
}

/**
 * Focus is nowhere: on the page body. Inside a shadow root the root's own active element is null
 * whenever focus is outside it, so the document's is checked too (the host page may have it).
 */
function focusIsLost(root: HTMLElement): boolean {
  const doc = root.ownerDocument;
  const active = activeElementOf(root);
  if (active && active !== doc.body) return false;
  return doc.activeElement === null || doc.activeElement === doc.body;
}

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

const CLIPPING = new Set(['hidden', 'clip', 'scroll', 'auto', 'overlay']);

/** Whether some of `element` is on screen: inside the viewport and every box that clips it. */
function isInView(element: HTMLElement): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const rect = element.getBoundingClientRect();
  let top = Math.max(rect.top, 0);
  let left = Math.max(rect.left, 0);
  let bottom = Math.min(rect.bottom, view.innerHeight);
  let right = Math.min(rect.right, view.innerWidth);
  for (let node = parentOf(element); node && bottom > top && right > left; node = parentOf(node)) {
    const { overflowX, overflowY } = view.getComputedStyle(node);
    if (!CLIPPING.has(overflowX) && !CLIPPING.has(overflowY)) continue;
    const clip = node.getBoundingClientRect();
    top = Math.max(top, clip.top);
    left = Math.max(left, clip.left);
    bottom = Math.min(bottom, clip.bottom);
    right = Math.min(right, clip.right);
  }
  return bottom > top && right > left;
}

/** Moves focus without scrolling when `target` is on screen already; otherwise the browser brings it into view. */
function focusInPlace(target: HTMLElement): void {
  target.focus({ preventScroll: isInView(target) });
}

/**
 * Gives `target` focus when focus is nowhere, as the widget's recovery does. For a card that
 * closes its dialog when the widget does not render (a change inside the card alone), in a
 * browser that fires no `blur` for the removed field.
 */
export function focusIfLost(target: HTMLElement): void {
  if (focusIsLost(target)) focusInPlace(target);
}

export interface FocusRecovery {
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
  /** The check the widget runs after each of its renders, for a card's own render (see {@link FocusRecheckContext}). Stable. */
  readonly recheck: () => void;
}

/**
 * Keeps keyboard focus on an interaction when the control that had it disappears: Accept vanishes
 * once the offer is accepted, and the card moves to another group. When the card itself goes
 * (evicted after the linger), focus moves to the card that took its place in `cardOrder`, else
 * the one before it, else to `fallbackRef` (the widget's heading). A control of the widget outside
 * the cards that goes once pressed (the connection banner's Reconnect) hands focus to `fallbackRef`
 * too. Without this, focus falls to the page body and a keyboard user starts over from the top.
 *
 * Focus the agent moved elsewhere on purpose (another element, a click on the page) is left
 * alone; a switch to another window is not such a move (focus comes back with the window).
 * Removing the focused element need not fire a `blur` React hears (the Chromium of the e2e tests
 * fired none when a card's row went; Firefox and Safari fire none), so the check also runs after
 * every render of the widget, and of each card (`recheck`, through {@link FocusRecheckContext}).
 *
 * Focus in a card's dialog (`data-omw-card-of`, rendered outside the card) counts as the card's.
 *
 * `cardOrder`: the ids of the cards in display order, as this render draws them.
 */
export function useFocusRecovery(
  rootRef: RefObject<HTMLElement | null>,
  cardOrder: readonly string[],
  fallbackRef: RefObject<HTMLElement | null>,
): FocusRecovery {
  // The card that holds (or last held) focus, while focus has not deliberately left it.
  const lastCard = useRef<string | undefined>(undefined);
  // Focus is (or was, until its control went) inside the widget but in no card: the connection
  // banner's Reconnect or Try again, which go once pressed.
  const inWidget = useRef(false);
  // The cards as the previous commit drew them: where a card that has just gone stood.
  const drawnOrder = useRef<readonly string[]>([]);

  const restore = useCallback(
    (root: HTMLElement) => {
      const id = lastCard.current;
      if ((id === undefined && !inWidget.current) || !focusIsLost(root)) return;
      let target: HTMLElement | null | undefined;
      if (id === undefined) {
        target = fallbackRef.current;
      } else {
        const cards = cardsIn(root);
        target = cards.get(id) ?? neighbourOf(cards, drawnOrder.current, id) ?? fallbackRef.current;
      }
      if (!target) return;
      // Set before focusing: the widget's onFocus sets it again, but only if React dispatches it now.
      lastCard.current = cardIdOf(target);
      focusInPlace(target);
    },
    [fallbackRef],
  );

  useLayoutEffect(() => {
    if (rootRef.current) restore(rootRef.current);
    // After restoring: a card removed by this commit is looked up in the order drawn before it.
    drawnOrder.current = cardOrder;
  });

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    lastCard.current = cardIdOf(event.target);
    inWidget.current = true;
  }, []);

  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const root = event.currentTarget;
      const next = event.relatedTarget;
      if (next instanceof Node && root.contains(next)) return;
      if (next !== null) {
        lastCard.current = undefined;
        inWidget.current = false;
        return;
      }
      const target = event.target;
      // Blur to nowhere: a removed element (recover), a click on the page (forget), or the window
      // losing focus (keep: the element stays the focused one and gets focus back with the window;
      // should its card go meanwhile, the agent comes back to its neighbour, not to the page).
      setTimeout(() => {
        if (!target.isConnected) {
          if (root.isConnected) restore(root);
        } else if (activeElementOf(target) !== target) {
          lastCard.current = undefined;
          inWidget.current = false;
        }
      }, 0);
    },
    [restore],
  );

  const recheck = useCallback(() => {
    if (rootRef.current) restore(rootRef.current);
  }, [rootRef, restore]);

  return { onFocus, onBlur, recheck };
}
