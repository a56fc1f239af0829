import { createContext, useContext } from 'react';

/**
 * Where modals render: an element at the widget's root, inside `.omw-root` so the widget's scoped
 * styles apply, and outside the card list so reordering cards never detaches an open dialog
 * (detaching a native modal closes it).
 */
export const DialogHostContext = createContext<HTMLElement | null>(null);

export function useDialogHost(): HTMLElement | null {
  return useContext(DialogHostContext);
}
