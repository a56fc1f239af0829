import type { OpenmediaState } from '../core/types';
import { ignoresResource } from '../core/upsert-interaction';
import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction } from '../protocol/types';

/** An interaction's contradicting news asks for a read at most this often. */
export const CONTRADICTION_READ_INTERVAL_MS = 10_000;
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
export function createContradictionReads(options: { readonly now: () => number; readonly read: (mediaType: string) => void }) {
  const lastRead = new Map<string, number>();
  return {
    /** Called with each notification's resource before it is applied. */
    note(state: OpenmediaState, resource: OpenmediaInteraction): void {
      if (leftTheAgent(resource) || resource.state === 'Invited' || !ignoresResource(state, resource)) return;
      const at = options.now();
      const last = lastRead.get(resource.id);
      if (last !== undefined && at - last < CONTRADICTION_READ_INTERVAL_MS) return;
      if (lastRead.size >= REMEMBERED) lastRead.clear();
      lastRead.set(resource.id, at);
      options.read(resource.mediaType);
    },
  };
}
