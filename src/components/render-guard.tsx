import { Component, useContext, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { reportLater } from '../core/host-callback';
import { AlertIcon } from './icons';
import { DEFAULT_MESSAGES, type Messages } from './messages';
import { FocusRecheckContext } from './use-focus-recovery';

/** How often, at most, a part that failed is drawn again by itself as its data changes. */
export const RENDER_RETRY_EVERY_MS = 2_000;

/** How the fallback came to be drawn. */
export interface RenderFailure {
  /** The agent pressed Try again and it failed again: the fallback takes focus back to its button. */
  readonly afterRetry: boolean;
  /**
   * The part was failing already (a retry, the agent's or one by itself, failed again): nothing
   * new to announce. React draws the fallback anew even so.
   */
  readonly again: boolean;
}

export interface RenderGuardProps {
  /**
   * A new value draws the children again (the data they failed on has changed): at once, or, while
   * they keep failing, at most every {@link RENDER_RETRY_EVERY_MS} (with the latest value).
   */
  readonly resetKey: unknown;
  /** Drawn in place of the children that failed; `retry` draws them again. */
  readonly fallback: (retry: () => void, failure: RenderFailure) => ReactNode;
  readonly children: ReactNode;
}

interface RenderGuardState {
  readonly failed: boolean;
  readonly resetKey: unknown;
  /** When the children last failed (`Date.now()`): set by each failure, read only while failed. */
  readonly triedAt: number;
  /** The resetKey changed while failing, within the retry interval: they are tried again when it ends. */
  readonly due: boolean;
  readonly afterRetry: boolean;
  readonly again: boolean;
}

/**
 * An error boundary: children that throw while drawing are replaced by `fallback`, and the rest of
 * the widget (and the host's React tree around it, which React would otherwise unmount whole) goes
 * on. The error is reported as uncaught, so the page's error handlers see the bug: once until the
 * children draw again, not on every retry of the same failure (React itself logs each error it
 * catches to the console). A part that keeps failing while its data changes is tried again at most
 * every {@link RENDER_RETRY_EVERY_MS}, not on every change: each try draws the fallback anew.
 */
export class RenderGuard extends Component<RenderGuardProps, RenderGuardState> {
  override state: RenderGuardState = { failed: false, resetKey: this.props.resetKey, triedAt: 0, due: false, afterRetry: false, again: false };
  private reported = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): Partial<RenderGuardState> {
    return { failed: true, triedAt: Date.now() };
  }

  static getDerivedStateFromProps(props: RenderGuardProps, state: RenderGuardState): Partial<RenderGuardState> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    if (!state.failed) return state.again ? { resetKey: props.resetKey, again: false } : { resetKey: props.resetKey };
    if (Date.now() - state.triedAt < RENDER_RETRY_EVERY_MS) return { resetKey: props.resetKey, due: true };
    return { failed: false, resetKey: props.resetKey, due: false, afterRetry: false, again: true };
  }

  override componentDidCatch(error: unknown): void {
    if (this.reported) return;
    this.reported = true;
    reportLater(error);
  }

  override componentDidUpdate(): void {
    if (!this.state.failed) {
      this.reported = false;
      return;
    }
    if (this.state.due && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.setState({ failed: false, due: false, afterRetry: false, again: true });
      }, Math.max(0, this.state.triedAt + RENDER_RETRY_EVERY_MS - Date.now()));
    }
  }

  override componentWillUnmount(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private readonly retry = () => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.setState({ failed: false, due: false, afterRetry: true, again: true });
  };

  override render(): ReactNode {
    const { failed, afterRetry, again } = this.state;
    return failed ? this.props.fallback(this.retry, { afterRetry, again }) : this.props.children;
  }
}

export interface RenderFailedNoteProps {
  /** What could not be drawn: one card, or the widget's whole list (then announced as an alert: nothing else of the widget is left to say it). */
  readonly part: 'card' | 'widget';
  /** The widget's messages, passed in: the last-resort fallback is drawn where their context may be the failing part. */
  readonly messages: Messages;
  readonly onRetry: () => void;
  readonly failure: RenderFailure;
}

/** What a {@link RenderGuard}'s fallback says: that the part could not be shown (in the host's words where it has some), and Try again. */
export function RenderFailedNote({ part, messages, onRetry, failure }: RenderFailedNoteProps) {
  const { afterRetry, again } = failure;
  const text = part === 'card' ? (messages.cardRenderFailed ?? DEFAULT_MESSAGES.cardRenderFailed) : (messages.widgetRenderFailed ?? DEFAULT_MESSAGES.widgetRenderFailed);
  // The list's failure is announced when it happens, not again with each retry that fails.
  const alert = part === 'widget' && !again;
  const retryRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (afterRetry) retryRef.current?.focus();
  }, [afterRetry]);
  return (
    <div role={alert ? 'alert' : undefined} className="omw-alert">
      <AlertIcon />
      <div className="omw-alert__body">
        <p className="omw-alert__message">{text}</p>
        <div className="omw-alert__actions">
          <button ref={retryRef} type="button" className="omw-button omw-button--secondary omw-button--small" onClick={onRetry}>
            {messages.renderRetry ?? DEFAULT_MESSAGES.renderRetry}
          </button>
        </div>
      </div>
    </div>
  );
}

export interface FrameRenderFailedProps {
  /** The id the widget's region is labelled by: the heading keeps it. */
  readonly titleId: string;
  /** The widget's heading, which focus recovery falls back to. */
  readonly headingRef?: RefObject<HTMLHeadingElement | null> | undefined;
  readonly title: string;
  readonly messages: Messages;
  readonly onRetry: () => void;
  readonly failure: RenderFailure;
}

/**
 * In place of the widget's header, banner and list when they could not be drawn: its title (the
 * region keeps its name), what happened, and Try again. Focus that was in what it replaced goes
 * to the heading (the widget's focus recovery).
 */
export function FrameRenderFailed({ titleId, headingRef, title, messages, onRetry, failure }: FrameRenderFailedProps) {
  const recheckFocus = useContext(FocusRecheckContext);
  useLayoutEffect(() => {
    recheckFocus?.();
  });
  return (
    <>
      <header className="omw-widget__header">
        <div className="omw-widget__heading">
          <h2 id={titleId} ref={headingRef} className="omw-widget__title" tabIndex={-1}>
            {title}
          </h2>
        </div>
      </header>
      <RenderFailedNote part="widget" messages={messages} onRetry={onRetry} failure={failure} />
    </>
  );
}
