import type { OpenmediaInteraction } from '../protocol/types';
import { isEnded } from './entry';
import type { InteractionEntry } from './types';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * What a notification's omitted fields are filled from: the entry's interaction, but an ended
 * entry allows nothing any more (an offer withdrawn and offered again without capabilities must
 * not get its old Accept back).
 */
export function heldForOmitted(entry: InteractionEntry | undefined): OpenmediaInteraction | undefined {
  if (entry === undefined) return undefined;
  return isEnded(entry) && entry.interaction.capabilities.length > 0 ? { ...entry.interaction, capabilities: [] } : entry.interaction;
}

/**
 * `next` with the fields its notification left out (`next.omitted`) taken from `previous`, what the
 * widget held before: GWS's StatusChange carries the state and the capabilities, not the user data,
 * which it did not change. Without `previous` they keep the parser's empty values. The result never
 * carries `omitted`; `next` itself is returned when it left nothing out.
 */
export function withOmittedFrom(previous: OpenmediaInteraction | undefined, next: OpenmediaInteraction): OpenmediaInteraction {
  const { omitted } = next;
  if (omitted === undefined) return next;
  const { omitted: _, ...whole } = next;
  const filled: Writable<OpenmediaInteraction> = whole;
  if (previous === undefined) return filled;
  for (const field of omitted) {
    switch (field) {
      case 'userData':
        filled.userData = previous.userData;
        if (previous.userDataKinds === undefined) delete filled.userDataKinds;
        else filled.userDataKinds = previous.userDataKinds;
        break;
      case 'receivedDate':
        filled.receivedDate = previous.receivedDate;
        filled.receivedAt = previous.receivedAt;
        break;
      case 'openmediaType':
        filled.openmediaType = previous.openmediaType;
        break;
      case 'uri':
        filled.uri = previous.uri;
        break;
      case 'subject':
        if (previous.subject === undefined) delete filled.subject;
        else filled.subject = previous.subject;
        break;
      case 'capabilities':
        // What was allowed in this state still is; in another state nothing is known to be.
        if (previous.state === next.state) filled.capabilities = previous.capabilities;
        break;
    }
  }
  return filled;
}
