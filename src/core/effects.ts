import { leftTheAgent } from '../protocol/interaction';
import type { OpenmediaInteraction, Operation, UserData } from '../protocol/types';

/** What a request was to do, enough to recognise it done. */
export interface Effect {
  readonly operation: Operation;
  readonly userData?: UserData;
  readonly keys?: readonly string[];
}

/**
 * Whether the resource (as a snapshot lists it, or as a notification brings it; undefined: not
 * listed) shows that the request took effect: Accept → Processing; Complete, Reject,
 * Transfer → no longer listed, or Completed; user-data edits → the values (or absences) are there.
 * SetInFocus leaves no trace in a snapshot. `undefined` when the item could not be read.
 */
export function showsEffect(effect: Effect, listed: OpenmediaInteraction | undefined, unreadable: boolean): boolean {
  if (unreadable) return false;
  switch (effect.operation) {
    case 'Accept':
      return listed?.state === 'Processing';
    case 'Complete':
    case 'Reject':
    case 'Transfer':
      return listed === undefined || leftTheAgent(listed);
    case 'AttachUserData':
    case 'UpdateUserData': {
      const wanted = effect.userData;
      if (listed === undefined || wanted === undefined) return false;
      return Object.entries(wanted).every(([key, value]) => Object.hasOwn(listed.userData, key) && sameValue(listed.userData[key], value));
    }
    case 'DeleteUserData':
      return listed !== undefined && effect.keys !== undefined && effect.keys.every((key) => !Object.hasOwn(listed.userData, key));
    case 'SetInFocus':
      return false;
  }
}

/**
 * A user-data value as the server lists it against the one sent: the same, or the same number
 * written as text (a server that stores every value as a string lists 20 as "20").
 */
function sameValue(listed: unknown, sent: unknown): boolean {
  if (listed === sent) return true;
  const numberAndText = (typeof listed === 'number' && typeof sent === 'string') || (typeof listed === 'string' && typeof sent === 'number');
  return numberAndText && String(listed) === String(sent);
}
