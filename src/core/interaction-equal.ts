import type { OpenmediaInteraction, UserData } from '../protocol/types';

function capabilitiesEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function userDataEqual(a: UserData, b: UserData): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !Object.is(a[key], b[key])) return false;
  }
  return true;
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
    Object.is(previous.receivedAt, next.receivedAt)
  ) {
    return previous;
  }
  if (!sameCapabilities && !sameUserData) return next;
  // Equal strings are kept too: each message's copy of the URI or the state is then garbage, not
  // one more copy held by the new resource (and by the views still showing the old one).
  return {
    ...next,
    id: same(previous.id, next.id),
    mediaType: same(previous.mediaType, next.mediaType),
    openmediaType: same(previous.openmediaType, next.openmediaType),
    state: same(previous.state, next.state),
    uri: same(previous.uri, next.uri),
    receivedDate: same(previous.receivedDate, next.receivedDate),
    capabilities: sameCapabilities ? previous.capabilities : next.capabilities,
    userData: sameUserData ? previous.userData : next.userData,
    ...(sameUserData && previous.userDataKinds !== undefined ? { userDataKinds: previous.userDataKinds } : {}),
  };
}

function same<T>(previous: T, next: T): T {
  return previous === next ? previous : next;
}
