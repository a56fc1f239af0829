import { useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { activeElementOf } from './active-element';
import { AlertIcon } from './icons';
import { useMessages } from './messages-context';

/** What a lazy part renders besides the part's own props. */
export interface LazyPartProps {
  /** Shown while the part's code downloads (default: nothing), e.g. the value an editor replaces. */
  readonly whileLoading?: ReactNode;
}

/**
 * A component whose code is downloaded the first time it renders (or is preloaded). Once loaded it
 * renders the part synchronously, like any component.
 */
export type LazyPart<P extends object> = ((props: P & LazyPartProps) => ReactNode) & {
  /** Starts the download when the agent is about to open the part (pointer over, or focus on, its opener). Never rejects. */
  readonly preload: () => Promise<void>;
  /** The part's component, downloading it if needed; rejects when the download fails. */
  readonly load: () => Promise<ComponentType<P>>;
};

export interface LazyPartOptions<P> {
  /** Closes the part as its own Cancel would: the failure alert's Cancel calls it. */
  readonly cancel: (props: P) => void;
}

interface PartCache<P> {
  component: ComponentType<P> | undefined;
  pending: Promise<ComponentType<P>> | undefined;
}

const registry = new Set<{ reset(): void }>();

/**
 * Wraps a dynamic `import()` into a component. The loaded component is kept for the page's
 * lifetime, so every later render is synchronous (no Suspense fallback, no extra render). Until it
 * arrives the part renders `whileLoading`; if the download fails, an alert in its place says so
 * and offers Try again (and Cancel, which closes the part as the part's own Cancel would).
 *
 * A failed download is not cached: the next `load()` (a preload, a new opening, Try again)
 * fetches again, since a network blip is the usual cause. The browser does cache it (a failed
 * `import()` of a URL fails again at once, with no request, for the page's lifetime in Chromium):
 * when the failure names the chunk's URL, as Chromium's and Firefox's do, the next load asks the
 * loader for that URL under a new query (`fresh`), which the browser fetches.
 */
export function lazyPart<P extends object>(
  loader: (fresh?: string) => Promise<ComponentType<P>>,
  { cancel }: LazyPartOptions<P>,
): LazyPart<P> {
  const cache: PartCache<P> = { component: undefined, pending: undefined };
  /** The chunk whose download failed, and how many times it was asked for afresh. */
  let failed: string | undefined;
  let retries = 0;

  const load = (): Promise<ComponentType<P>> => {
    if (cache.component) return Promise.resolve(cache.component);
    if (cache.pending === undefined) {
      const fresh = failed === undefined ? undefined : freshUrl(failed, (retries += 1));
      cache.pending = loader(fresh).then(
        (component) => {
          cache.component = component;
          cache.pending = undefined;
          return component;
        },
        (error: unknown) => {
          cache.pending = undefined;
          failed = failedChunkOf(error) ?? failed;
          throw error;
        },
      );
    }
    return cache.pending;
  };

  const preload = (): Promise<void> =>
    load().then(
      () => undefined,
      // The part reports the failure itself if the agent opens it: it fetches again then.
      () => undefined,
    );

  registry.add({
    reset: () => {
      cache.component = undefined;
      cache.pending = undefined;
      failed = undefined;
      retries = 0;
    },
  });

  // Phases of one mounted part: waiting for the download it started (or already rendering the
  // part), showing the failure, or downloading again after Try again.
  type Phase = 'waiting' | 'ready' | 'failed' | 'retrying';

  function LazyPartView(props: P & LazyPartProps): ReactNode {
    const { whileLoading, ...rest } = props;
    const partProps = rest as P;
    const [phase, setPhase] = useState<Phase>('waiting');
    const loaded = cache.component;
    const fetching = (phase === 'waiting' && loaded === undefined) || phase === 'retrying';

    useEffect(() => {
      if (!fetching) return undefined;
      let live = true;
      load().then(
        () => {
          if (live) setPhase('ready');
        },
        () => {
          if (live) setPhase('failed');
        },
      );
      return () => {
        live = false;
      };
    }, [fetching]);

    if (phase === 'failed' || phase === 'retrying') {
      return <PartLoadFailed retrying={phase === 'retrying'} onRetry={() => setPhase('retrying')} onCancel={() => cancel(partProps)} />;
    }
    if (loaded) {
      const Part = loaded;
      return <Part {...partProps} />;
    }
    return whileLoading ?? null;
  }

  return Object.assign(LazyPartView, { preload, load });
}

/** The query parameter a chunk fetched afresh carries (any value the server ignores would do). */
const RETRY_PARAM = 'omw-retry';

/** The http(s) URL of the module a failed `import()` names (Chromium, Firefox), without our retry parameter. */
export function failedChunkOf(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const found = /https?:\/\/\S+/.exec(message)?.[0];
  if (found === undefined) return undefined;
  try {
    const url = new URL(found);
    url.searchParams.delete(RETRY_PARAM);
    return url.href;
  } catch {
    return undefined;
  }
}

/** `url` under a query the browser has not tried yet. */
function freshUrl(url: string, attempt: number): string {
  const fresh = new URL(url);
  fresh.searchParams.set(RETRY_PARAM, String(attempt));
  return fresh.href;
}

interface PartLoadFailedProps {
  readonly retrying: boolean;
  readonly onRetry: () => void;
  readonly onCancel: () => void;
}

/**
 * In place of a part that could not be downloaded. It takes focus as the part would have (each part
 * focuses its first field when it opens) and, when it goes, gives focus back to where it was before
 * (the opener), so the part that replaces it, or the closed card, finds focus as it expects.
 */
function PartLoadFailed({ retrying, onRetry, onCancel }: PartLoadFailedProps) {
  const messages = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return undefined;
    const active = activeElementOf(container);
    const previous = active instanceof HTMLElement ? active : null;
    retryRef.current?.focus();
    return () => {
      // Only focus that is still in the alert (or was lost with it); never pull focus back from elsewhere.
      const now = activeElementOf(container);
      const lost = now === null || now === container.ownerDocument.body || container.contains(now);
      if (lost && previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div ref={ref} role="alert" className="omw-alert omw-alert--part-load">
      <AlertIcon />
      <div className="omw-alert__body">
        <p className="omw-alert__message">{messages.partLoadFailed}</p>
        <div className="omw-alert__actions">
          <button
            ref={retryRef}
            type="button"
            className={`omw-button omw-button--secondary omw-button--small${retrying ? ' omw-button--busy' : ''}`}
            // Stays focusable while the download runs again, so focus is not thrown to the page.
            aria-disabled={retrying ? 'true' : undefined}
            aria-busy={retrying ? 'true' : undefined}
            onClick={() => {
              if (!retrying) onRetry();
            }}
          >
            {messages.partLoadRetry}
          </button>
          <button type="button" className="omw-button omw-button--ghost omw-button--small" onClick={onCancel}>
            {messages.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Test support: forgets every loaded part, so the next render downloads it again. Tests that
 * check what is loaded when call it first (the dom test setup preloads every part).
 */
export function resetLazyPartsForTests(): void {
  for (const part of registry) part.reset();
}
