/**
 * CometD 9 runs its timers in a blob Worker (so a background tab's long polls are not throttled);
 * what happens when that Worker cannot run.
 */

interface SchedulerCommand {
  readonly id: number;
  readonly type: 'setTimeout' | 'clearTimeout';
  readonly delay?: number;
}

/**
 * CometD's timer Worker, kept working where it cannot run. A Content-Security-Policy without
 * `worker-src blob:` does not make `new Worker(blobUrl)` throw in Chromium: the Worker is made and
 * fails to load a moment later, and every timer CometD had posted to it (the next long poll, a
 * retry) would never fire — Connecting or Live for good, with nothing polled. Until the Worker has
 * answered once, the timers posted to it are noted; if it fails, they and all later ones run on
 * the page's own timers (throttled in a background tab, but running).
 *
 * Returns a stop function (the client is released): the page's timers are cleared and whatever
 * CometD posts after it is dropped.
 */
export function keepTimersIfWorkerFails(worker: Worker): () => void {
  if (typeof worker.postMessage !== 'function' || typeof worker.addEventListener !== 'function') return () => undefined;
  const post = worker.postMessage.bind(worker);
  const posted = new Map<number, { readonly delay: number; readonly at: number }>();
  const onPage = new Map<number, ReturnType<typeof setTimeout>>();
  let answered = false;
  let failed = false;
  let stopped = false;
  const fire = (id: number) => {
    onPage.delete(id);
    const handler = worker.onmessage as ((event: { data: { id: number } }) => void) | null;
    handler?.call(worker, { data: { id } });
  };
  const runOnPage = (command: SchedulerCommand, delay = command.delay ?? 0) => {
    if (command.type === 'setTimeout') {
      onPage.set(command.id, setTimeout(() => fire(command.id), Math.max(0, delay)));
      return;
    }
    const timer = onPage.get(command.id);
    if (timer !== undefined) clearTimeout(timer);
    onPage.delete(command.id);
  };
  worker.postMessage = ((command: SchedulerCommand) => {
    if (stopped) return;
    if (failed) {
      runOnPage(command);
      return;
    }
    if (!answered) {
      if (command.type === 'setTimeout') posted.set(command.id, { delay: command.delay ?? 0, at: Date.now() });
      else posted.delete(command.id);
    }
    post(command);
  }) as Worker['postMessage'];
  worker.addEventListener('message', () => {
    answered = true;
    posted.clear();
  });
  worker.addEventListener('error', () => {
    if (answered || failed || stopped) return;
    failed = true;
    worker.terminate();
    for (const [id, { delay, at }] of posted) runOnPage({ id, type: 'setTimeout' }, delay - (Date.now() - at));
    posted.clear();
  });
  return () => {
    stopped = true;
    posted.clear();
    for (const timer of onPage.values()) clearTimeout(timer);
    onPage.clear();
  };
}
