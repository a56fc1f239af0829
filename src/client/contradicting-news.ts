import type { OpenmediaState } from '../core/types';
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
 * News that contradicts an ended interaction — a resource in a state the agent still works in
 * (Processing, …) for one the widget has as Completed, or evicted after it — is not applied: a
 * notification does not undo Completed (the terminal rule). Nor is it ignored: the server may have
 * given the interaction back (pulled from a workbin), or the widget may be out of step with it.
 * The interaction's media type is read again, and the read, which is the truth, decides (it
 * brings the interaction back when it lists it). At most one read per interaction every
 * {@link CONTRADICTION_READ_INTERVAL_MS}, so a server that keeps contradicting itself costs
 * little.
 */
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

export function createContradictionReads(options: { readonly now: () => number; readonly read: (mediaType: string) => void }) {
  const lastRead = new Map<string, number>();
  /** Media types with a read of incomplete news scheduled. */
  const readsDue = new Set<string>();
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
      if (readsDue.has(resource.mediaType)) return;
      readsDue.add(resource.mediaType);
      setTimeout(() => {
        readsDue.delete(resource.mediaType);
        options.read(resource.mediaType);
      }, INCOMPLETE_READ_AFTER_MS);
    },
  };
}
