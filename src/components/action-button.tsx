import type { ReactNode, Ref } from 'react';
import { Spinner } from './icons';
import { createStringCache } from './shared-strings';

const classes = createStringCache();

export interface ActionButtonProps {
  /** Visible text; also the accessible name unless `label` is given. None for an icon button (its icon is a CSS glyph). */
  readonly children?: ReactNode;
  /** Accessible name, for icon-only buttons. */
  readonly label?: string;
  readonly onClick: () => void;
  /** The agent is about to press it (pointer over it, or focus on it): e.g. download what it opens. */
  readonly onIntent?: () => void;
  /** Nothing can be sent right now (capability gone, or another request in flight). */
  readonly disabled: boolean;
  /** This button's request is in flight. */
  readonly busy?: boolean;
  /**
   * Nothing can be sent while the connection is down or the session has ended: shown dimmed and
   * announced unavailable (aria-disabled, focus kept), its press still tells why on the card.
   */
  readonly unavailable?: boolean;
  readonly variant?: 'primary' | 'secondary' | 'danger' | 'ghost' | 'icon';
  readonly buttonRef?: Ref<HTMLButtonElement>;
  readonly expanded?: boolean;
  readonly hasPopup?: 'dialog';
  /** Extra class names (e.g. the operation, for styling). */
  readonly className?: string;
  /**
   * The id of what the button acts on (its card's title): twenty "Accept" buttons in a screen
   * reader's list of controls are told apart by it.
   */
  readonly describedBy?: string;
}

/**
 * A button for one operation. While its own request is in flight it stays focusable (aria-disabled,
 * not disabled) so keyboard focus is not thrown to the page, and announces itself as busy.
 *
 * A plain function returning the `<button>`, called (`{actionButton({…})}`) rather than mounted:
 * it has no state, and a card has a dozen of them, 200 cards 2,400; as a component each would be
 * one more fiber and props object (twice, with React's alternate tree) for nothing.
 */
export function actionButton(
  {
  children,
  label,
  onClick,
  onIntent,
  disabled,
  busy = false,
  unavailable = false,
  variant = 'secondary',
  buttonRef,
  expanded,
  hasPopup,
  className,
  describedBy,
  }: ActionButtonProps,
  key?: string,
) {
  return (
    <button
      key={key}
      ref={buttonRef}
      type="button"
      className={classes.get(
        `${variant}${busy ? '+busy' : ''}${unavailable ? '+off' : ''} ${className ?? ''}`,
        () => `omw-button omw-button--${variant}${busy ? ' omw-button--busy' : ''}${unavailable ? ' omw-button--unavailable' : ''}${className ? ` ${className}` : ''}`,
      )}
      aria-label={label}
      aria-describedby={describedBy}
      title={label}
      aria-busy={busy ? 'true' : undefined}
      aria-disabled={busy || unavailable ? 'true' : undefined}
      aria-expanded={expanded}
      aria-haspopup={hasPopup}
      disabled={disabled && !busy}
      onPointerEnter={onIntent}
      onFocus={onIntent}
      // No wrapper closure per button and render: a disabled button fires no click, and a busy
      // one (only aria-disabled, to keep focus) gets no handler.
      onClick={busy || disabled ? undefined : onClick}
    >
      {busy ? <Spinner /> : null}
      {children}
    </button>
  );
}

/** {@link actionButton} as a component, for callers that want one (stories, tests). */
export function ActionButton(props: ActionButtonProps) {
  return actionButton(props);
}
