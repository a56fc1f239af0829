import type { OpenmediaInteraction, UserData } from '../protocol/types';

function capabilitiesEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function userDataEqual(a: UserData, b: UserData): boolean {
  if (a === b) return true;
  // Counted with for…in rather than two Object.keys arrays: user data are plain parsed objects
  // (own enumerable keys only), compared for every changed resource of a burst.
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !Object.is(a[key], b[key])) return false;
    count += 1;
  }
  for (const key in b) {
    if (!Object.hasOwn(a, key)) return false;
    count -= 1;
  }
  return count === 0;
}

function kindsEqual(a: OpenmediaInteraction['userDataKinds'], b: OpenmediaInteraction['userDataKinds']): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/**
 * `next`, sharing every part that equals `previous`: `previous` itself when the two are equal, else
 * a copy of `next` that reuses the unchanged `capabilities` / `userData`. GWS sends the whole
 * resource on every notification, so keeping identity is what lets memoised views skip re-renders.
 */
export function reuseEqualParts(previous: OpenmediaInteraction, next: OpenmediaInteraction): OpenmediaInteraction {
  if (previous === next) return previous;
  const sameCapabilities = capabilitiesEqual(previous.capabilities, next.capabilities);
  // A value's text alone does not say its type ("7" vs 7 is told apart by userDataEqual; a nested list vs its JSON text by the kinds).
  const sameUserData = userDataEqual(previous.userData, next.userData) && kindsEqual(previous.userDataKinds, next.userDataKinds);
  if (
    sameCapabilities &&
    sameUserData &&
    previous.id === next.id &&
    previous.mediaType === next.mediaType &&
    previous.openmediaType === next.openmediaType &&
    previous.state === next.state &&
    previous.uri === next.uri &&
    previous.receivedDate === next.receivedDate &&
    Object.is(previous.receivedAt, next.receivedAt) &&
    previous.subject === next.subject &&
    previous.ended === next.ended
  ) {
    return previous;
  }
  if (!sameCapabilities && !sameUserData) return next;
  // Equal strings are kept too: each message's copy of the URI or the state is then garbage, not
  // one more copy held by the new resource (and by the views still showing the old one). Two
  // literals of the parsed shape rather than a spread of `next` (a notification's hot path: this
  // runs for every changed resource of a burst).
  const id = same(previous.id, next.id);
  const mediaType = same(previous.mediaType, next.mediaType);
  const openmediaType = same(previous.openmediaType, next.openmediaType);
  const state = same(previous.state, next.state);
  const uri = same(previous.uri, next.uri);
  const receivedDate = same(previous.receivedDate, next.receivedDate);
  const capabilities = sameCapabilities ? previous.capabilities : next.capabilities;
  const userData = sameUserData ? previous.userData : next.userData;
  const userDataKinds = sameUserData ? previous.userDataKinds : next.userDataKinds;
  const { receivedAt } = next;
  const merged: OpenmediaInteraction =
    userDataKinds === undefined
      ? { id, mediaType, openmediaType, state, capabilities, uri, userData, receivedDate, receivedAt }
      : { id, mediaType, openmediaType, state, capabilities, uri, userData, userDataKinds, receivedDate, receivedAt };
  // Only Workspace API v3 resources carry these (GWS v2's hot path builds no further copy).
  if (next.subject === undefined && next.ended === undefined) return merged;
  return { ...merged, ...(next.subject === undefined ? {} : { subject: next.subject }), ...(next.ended === undefined ? {} : { ended: next.ended }) };
}

function same<T>(previous: T, next: T): T {
  return previous === next ? previous : next;
}
