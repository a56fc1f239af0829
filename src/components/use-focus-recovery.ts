import { useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';
import { activeElementOf } from './active-element';

const CARD_SELECTOR = '[data-omw-card]';

function cardIdOf(element: EventTarget | null): string | undefined {
  return element instanceof Element ? element.closest<HTMLElement>(CARD_SELECTOR)?.dataset.omwCard : undefined;
}

function findCard(root: HTMLElement, id: string): HTMLElement | undefined {
  for (const card of root.querySelectorAll<HTMLElement>(CARD_SELECTOR)) {
    if (card.dataset.omwCard === id) return card;
  }
  return undefined;
}

export interface FocusRecovery {
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Keeps keyboard focus on an interaction when the control that had it disappears: Accept vanishes
 * once the offer is accepted, and the card moves to another group. Without this, focus falls to
 * the page body and a keyboard user starts over from the top.
 *
 * Focus the agent moved elsewhere on purpose (another element, a click on the page, another
 * window) is left alone. Browsers differ on whether removing the focused element fires `blur`
 * (Chromium does, others do not), so the check also runs after every render of the widget.
 */
export function useFocusRecovery(rootRef: RefObject<HTMLElement | null>): FocusRecovery {
  // The card that holds (or last held) focus, while focus has not deliberately left it.
  const lastCard = useRef<string | undefined>(undefined);

  const restore = useCallback((root: HTMLElement) => {
    const id = lastCard.current;
    if (id === undefined) return;
    const active = activeElementOf(root);
    if (active && active !== root.ownerDocument.body) return;
    findCard(root, id)?.focus();
  }, []);

  useLayoutEffect(() => {
    if (rootRef.current) restore(rootRef.current);
  });

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    lastCard.current = cardIdOf(event.target);
  }, []);

  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const root = event.currentTarget;
      const next = event.relatedTarget;
      if (next instanceof Node && root.contains(next)) return;
      if (next !== null) {
        lastCard.current = undefined;
        return;
      }
      const target = event.target;
      // Blur to nowhere: a removed element (recover) or a click on the page / a window switch (forget).
      setTimeout(() => {
        if (target.isConnected) lastCard.current = undefined;
        else if (root.isConnected) restore(root);
      }, 0);
    },
    [restore],
  );

  return { onFocus, onBlur };
}
