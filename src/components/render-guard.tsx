import { Component, useLayoutEffect, useRef, type ReactNode } from 'react';
import { reportLater } from '../core/host-callback';
import { AlertIcon } from './icons';
import { DEFAULT_MESSAGES, type Messages } from './messages';

export interface RenderGuardProps {
  /** A new value draws the children again (the data they failed on has changed). */
  readonly resetKey: unknown;
  /**
   * Drawn in place of the children that failed; `retry` draws them again. `afterRetry`: the agent
   * has just tried again and it failed again (React draws the fallback anew each time, so it
   * should take focus back to its button).
   */
  readonly fallback: (retry: () => void, afterRetry: boolean) => ReactNode;
  readonly children: ReactNode;
}

interface RenderGuardState {
  readonly failed: boolean;
  readonly resetKey: unknown;
}

/**
 * An error boundary: children that throw while drawing are replaced by `fallback`, and the rest of
 * the widget (and the host's React tree around it, which React would otherwise unmount whole) goes
 * on. The error is reported as uncaught, so the page's error handlers see the bug; once until the
 * children draw again, not on every retry of the same failure.
 */
export class RenderGuard extends Component<RenderGuardProps, RenderGuardState> {
  override state: RenderGuardState = { failed: false, resetKey: this.props.resetKey };
  private reported = false;
  /** The agent pressed Try again, and the children have not drawn since. */
  private retried = false;

  static getDerivedStateFromError(): Partial<RenderGuardState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: RenderGuardProps, state: RenderGuardState): Partial<RenderGuardState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    if (this.reported) return;
    this.reported = true;
    reportLater(error);
  }

  override componentDidUpdate(): void {
    if (!this.state.failed) {
      this.reported = false;
      this.retried = false;
    }
  }

  private readonly retry = () => {
    this.retried = true;
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry, this.retried) : this.props.children;
  }
}

export interface RenderFailedNoteProps {
  /** What could not be drawn: one card, or the widget's whole list (then announced as an alert: nothing else of the widget is left to say it). */
  readonly part: 'card' | 'widget';
  /** The widget's messages (the frame's fallback is drawn outside their context). */
  readonly messages: Messages;
  readonly onRetry: () => void;
  /** Shown again after a Try again that failed: its button takes focus back. */
  readonly afterRetry: boolean;
}

/** What a {@link RenderGuard}'s fallback says: that the part could not be shown (in the host's words where it has some), and Try again. */
export function RenderFailedNote({ part, messages, onRetry, afterRetry }: RenderFailedNoteProps) {
  const text = part === 'card' ? (messages.cardRenderFailed ?? DEFAULT_MESSAGES.cardRenderFailed) : (messages.widgetRenderFailed ?? DEFAULT_MESSAGES.widgetRenderFailed);
  const alert = part === 'widget';
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
