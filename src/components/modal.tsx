import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { activeElementOf } from './active-element';
import { useDialogHost } from './dialog-host';
import { DialogLiveRegions } from './dialog-live-regions';
import { focusableIn, trapTab } from './focus-trap';

export interface ModalProps {
  /** Id of the element that names the dialog (its heading). */
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly onClose: () => void;
  /** Receives focus on open; defaults to the first focusable element. */
  readonly initialFocusRef?: RefObject<HTMLElement | null>;
  /** Receives focus on close; defaults to whatever had focus when the modal opened. */
  readonly returnFocusRef?: RefObject<HTMLElement | null>;
  readonly children: ReactNode;
}

/**
 * A modal dialog: a native `<dialog>` opened with `showModal()` where the browser has it (inert
 * background, top layer), plus its own focus trap and Escape handling so it behaves the same where
 * `showModal` is missing (jsdom). Mount it to open, unmount it to close.
 */
export function Modal({ labelledBy, describedBy, onClose, initialFocusRef, returnFocusRef, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const host = useDialogHost();
  // Read through refs so a new onClose / ref object on re-render never re-runs the open effect.
  const latest = useRef({ initialFocusRef, returnFocusRef });
  useLayoutEffect(() => {
    latest.current = { initialFocusRef, returnFocusRef };
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const active = activeElementOf(dialog);
    const previouslyFocused = active instanceof HTMLElement ? active : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    const initial = latest.current.initialFocusRef?.current ?? focusableIn(dialog)[0] ?? dialog;
    initial.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      const target = latest.current.returnFocusRef?.current ?? previouslyFocused;
      if (target?.isConnected) target.focus();
    };
  }, []);

  const dialog = (
    <dialog
      ref={ref}
      className="omw-dialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      onCancel={(event) => {
        // The browser's own Escape handling: keep React in charge of whether the dialog is open.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
          return;
        }
        if (ref.current) trapTab(event, ref.current);
      }}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the <dialog> itself; its content fills the box.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="omw-dialog__surface">{children}</div>
      <DialogLiveRegions />
    </dialog>
  );
  return host ? createPortal(dialog, host) : dialog;
}
