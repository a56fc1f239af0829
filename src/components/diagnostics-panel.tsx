import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Diagnostics } from '../core/types';
import type { Recording } from '../replay/recording';
import { useDiagnostics } from '../hooks/use-interaction';
import { LazyDiagnosticsBody } from './lazy-parts';
import { useMessages } from './messages-context';
import { useDelayedFlag } from './use-delayed-flag';

export interface DiagnosticsPanelProps {
  readonly diagnostics: Diagnostics;
  readonly locale?: string | undefined;
  /** Open on first render (it is a collapsible <details>). */
  readonly defaultOpen?: boolean;
  /**
   * The latest raw messages, added to the download as `recording` so the log can be replayed
   * (`parseRecording` / `createReplayChannel`). The widget passes the provider's recording (only
   * when `recordLimit` is above 0). With it, a "Redact values" checkbox (on by default) blanks
   * user-data values in the file.
   */
  readonly getRecording?: (() => Recording) | undefined;
}

/** How long the body's download may take before the panel says it is loading. */
const LOADING_NOTE_AFTER_MS = 300;

/**
 * Counters and the recent-event log, for support: what arrived, what was refused and why.
 * Closed, it is a summary line; its body's code is downloaded when the panel is about to open
 * (pointer over, or focus on, the summary) or opens.
 */
export function DiagnosticsPanel({ diagnostics, locale, defaultOpen = false, getRecording }: DiagnosticsPanelProps) {
  return (
    <DiagnosticsFrame defaultOpen={defaultOpen}>
      {(onClose) => <DiagnosticsPanelBody diagnostics={diagnostics} locale={locale} getRecording={getRecording} onClose={onClose} />}
    </DiagnosticsFrame>
  );
}

/** The collapsible frame: `children` renders the body, and only while the panel is open. */
function DiagnosticsFrame({ defaultOpen, children }: { readonly defaultOpen: boolean; readonly children: (onClose: () => void) => ReactNode }) {
  const messages = useMessages();
  // The body renders only while open: closed, the panel is a summary line, not a table of the
  // whole log.
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="omw-diagnostics" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="omw-diagnostics__summary" onPointerEnter={LazyDiagnosticsBody.preload} onFocus={LazyDiagnosticsBody.preload}>
        {messages.diagnosticsTitle}
      </summary>
      {open ? children(() => setOpen(false)) : null}
    </details>
  );
}

function DiagnosticsPanelBody(props: Omit<DiagnosticsPanelProps, 'defaultOpen'> & { readonly onClose: () => void }) {
  return (
    <LazyDiagnosticsBody diagnostics={props.diagnostics} locale={props.locale} getRecording={props.getRecording} onClose={props.onClose} whileLoading={<DiagnosticsLoading />} />
  );
}

/** Said only when the download is slow: a fast one shows the body without a flash of text. */
function DiagnosticsLoading() {
  const messages = useMessages();
  const slow = useDelayedFlag(true, LOADING_NOTE_AFTER_MS);
  return (
    <p className="omw-muted omw-diagnostics__loading" role="status">
      {slow ? messages.diagnosticsLoading : null}
    </p>
  );
}

/**
 * The panel over the provider's counters: open, it re-renders on its own as they change. Closed,
 * it reads none of them, so it neither renders with every store flush nor holds an earlier
 * state's log (a closed panel's previous props kept up to a second 400-line log buffer).
 */
export function ConnectedDiagnosticsPanel({ defaultOpen = false, ...props }: Omit<DiagnosticsPanelProps, 'diagnostics'>) {
  return <DiagnosticsFrame defaultOpen={defaultOpen}>{(onClose) => <ConnectedDiagnosticsBody {...props} onClose={onClose} />}</DiagnosticsFrame>;
}

function ConnectedDiagnosticsBody(props: Omit<DiagnosticsPanelProps, 'diagnostics' | 'defaultOpen'> & { readonly onClose: () => void }) {
  return <DiagnosticsPanelBody {...props} diagnostics={useDiagnostics()} />;
}
