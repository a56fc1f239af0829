import type { OpenmediaState } from '../core/types';
import { isEnded } from '../core/entry';
import { ignoresResource } from '../core/upsert-interaction';
import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';

/** An interaction's contradicting news asks for a read at most this often. */
export const CONTRADICTION_READ_INTERVAL_MS = 10_000;
/** An interaction first heard of without its user data is read this long after (what comes with it shares the read). */
export const INCOMPLETE_READ_AFTER_MS = 250;
/** Interactions whose last read is remembered at most (an agent's list is far shorter). */
const REMEMBERED = 256;

/**
 * An interaction first heard of in a notification that leaves out its user data (GWS's own
 * StatusChange carries neither them nor the received date: an interaction that reaches the agent already in
 * Processing — created, pulled from a workbin — came as one): its card would show its id and no
 * user data until some later read. Its media type is read, which lists them (the read keeps what
 * the notification said and fills what it left out), on the same terms as a contradiction.
 */
function firstHeardIncomplete(state: OpenmediaState, resource: OpenmediaInteraction): boolean {
  const { omitted } = resource;
  return omitted !== undefined && omitted.includes('userData') && !state.byId.has(resource.id) && !ignoresResource(state, resource);
}

export interface ContradictionReadsOptions {
  readonly now: () => number;
  /** Read the media type again (replacing a read in flight). */
  readonly read: (mediaType: string) => void;
  /**
   * Read it unless the first read is not done yet or a read of it is in flight (whose answer may
   * predate the news: asked again once it ends); false when it did not read.
   */
  readonly readWhenIdle: (mediaType: string) => boolean;
  readonly getState: () => OpenmediaState;
}

/**
 * News that contradicts an ended interaction — a resource in a state the agent still works in
 * (Processing, …) for one the widget has as Completed, or evicted after it — is not applied: a
 * notification does not undo Completed (the terminal rule). Nor is it ignored: the server may have
 * given the interaction back (pulled from a workbin), or the widget may be out of step with it.
 * The interaction's media type is read again, and the read, which is the truth, decides (it
 * brings the interaction back when it lists it). At most one read per interaction every
 * {@link CONTRADICTION_READ_INTERVAL_MS}, so a server that keeps contradicting itself costs
 * little.
 */
export function createContradictionReads(options: ContradictionReadsOptions) {
  const lastRead = new Map<string, number>();
  /** Per media type, the interactions first heard of incomplete that wait for a read. */
  const readsDue = new Map<string, Set<string>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Still shown, not ended, and still without user data: a read would fill them in. */
  const stillIncomplete = (id: string): boolean => {
    const entry = options.getState().byId.get(id);
    return entry !== undefined && !isEnded(entry) && Object.keys(entry.interaction.userData).length === 0;
  };
  function arm(mediaType: string): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const ids = readsDue.get(mediaType);
      if (ids === undefined) return;
      for (const id of ids) if (!stillIncomplete(id)) ids.delete(id);
      if (ids.size === 0) {
        readsDue.delete(mediaType);
        return;
      }
      // Never a read in flight replaced (several first heard a little apart would starve each
      // other's reads, and a read after a gap), nor one dropped before the first read is done.
      if (!options.readWhenIdle(mediaType)) {
        arm(mediaType);
        return;
      }
      readsDue.delete(mediaType);
    }, INCOMPLETE_READ_AFTER_MS);
    timers.add(timer);
  }
  return {
    /** Called with each notification's resource before it is applied. */
    note(state: OpenmediaState, resource: OpenmediaInteraction): void {
      if (leftTheAgent(resource)) return;
      const contradicts = resource.state !== 'Invited' && ignoresResource(state, resource);
      const incomplete = !contradicts && firstHeardIncomplete(state, resource);
      if (!contradicts && !incomplete) return;
      const at = options.now();
      const last = lastRead.get(resource.id);
      if (last !== undefined && at - last < CONTRADICTION_READ_INTERVAL_MS) return;
      if (lastRead.size >= REMEMBERED) lastRead.clear();
      lastRead.set(resource.id, at);
      if (!incomplete) {
        options.read(resource.mediaType);
        return;
      }
      // Several such interactions at once (a workbin emptied into the agent's hands): one read.
      const due = readsDue.get(resource.mediaType);
      if (due !== undefined) {
        due.add(resource.id);
        return;
      }
      readsDue.set(resource.mediaType, new Set([resource.id]));
      arm(resource.mediaType);
    },
    /** No read any more: the scheduled ones are dropped. */
    dispose(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      readsDue.clear();
    },
  };
}
