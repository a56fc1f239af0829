/**
 * What the Workspace API v3 parser and REST client of one widget instance share: the
 * `operationId`s it chose, the KV types of the user data it has seen, the interactions it placed
 * in a queue. The v2 dialect needs none of this (GWS chooses the referenceId; userData is flat).
 */
export interface WorkspaceV3Session {
  /** Random per instance, so two tabs (or two widgets) never choose the same operationId. */
  readonly instanceId: string;
  /** A new operationId and the number the widget's core knows it by (its `referenceId`). */
  nextOperation(): { readonly operationId: string; readonly referenceId: number };
  /** The referenceId of an operationId this instance chose (or the server gave one of its requests); undefined for anyone else's. */
  referenceIdOf(operationId: unknown): number | undefined;
  /**
   * The server answered one of this instance's requests with an `operationId` of its own: its
   * notifications may carry that one, which then names the same request.
   */
  alias(operationId: string, referenceId: number): void;
  /** Remember the KV `type` of each user-data key of an interaction (the last entry of a key wins). */
  rememberTypes(interactionId: string, types: ReadonlyMap<string, string>): void;
  /** The KV `type` last seen for this key, or undefined. */
  typeOf(interactionId: string, key: string): string | undefined;
  /** The capabilities the server last listed for an interaction, folded (`place-in-queue` → `placeinqueue`). */
  rememberCapabilities(interactionId: string, capabilities: readonly string[]): void;
  /** Whether the server last listed this capability (folded) for the interaction; undefined when it listed none yet. */
  allows(interactionId: string, folded: string): boolean | undefined;
  /** A place-in-queue was requested: a later `Queued` means the interaction left the agent. */
  notePlacedInQueue(interactionId: string): void;
  wasPlacedInQueue(interactionId: string): boolean;
}

const OPERATION_PREFIX = 'omw';

/** A capability compared as the widget compares them: without `-`, in lower case. */
export function foldCapability(capability: string): string {
  return capability.replace(/-/g, '').toLowerCase();
}

function randomInstanceId(): string {
  const bytes = new Uint8Array(8);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Where an instance's referenceIds start. The core knows an action by its number, and each tab
 * mirrors the actions other tabs have in flight under theirs: two tabs counting from 1 would take
 * one tab's outcome for the other's action. Random below 2^30, a tab's numbers never meet
 * another's in a shift (a few hundred actions each: a chance of about one in a million).
 */
function randomReferenceBase(): number {
  const words = new Uint32Array(1);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(words);
  else words[0] = Math.floor(Math.random() * 2 ** 32);
  return words[0]! >>> 2;
}

/** `text` as a literal inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Bounded: types of interactions long gone must not pile up over a shift. */
const MAX_REMEMBERED = 2_000;

export interface WorkspaceV3SessionOptions {
  readonly instanceId?: string;
  /** The referenceId before the first one handed out (tests: 0, so the first is 1). Default: random, see `randomReferenceBase`. */
  readonly referenceBase?: number;
}

export function createWorkspaceV3Session(options: WorkspaceV3SessionOptions = {}): WorkspaceV3Session {
  const instanceId = options.instanceId ?? randomInstanceId();
  const base = options.referenceBase ?? randomReferenceBase();
  // Escaped, not stripped: the operationIds handed out carry the instanceId as it is.
  const pattern = new RegExp(`^${OPERATION_PREFIX}-${escapeRegExp(instanceId)}-(\\d{1,15})$`);
  let counter = base;
  const types = new Map<string, ReadonlyMap<string, string>>();
  const placed = new Set<string>();
  /** Operation ids the server chose for this instance's requests, by the referenceId they name. */
  const aliases = new Map<string, number>();
  const capabilities = new Map<string, ReadonlySet<string>>();

  function bounded<T>(collection: Map<string, T> | Set<string>): void {
    if (collection.size <= MAX_REMEMBERED) return;
    const oldest = collection.keys().next();
    if (!oldest.done) collection.delete(oldest.value);
  }

  return {
    instanceId,
    nextOperation() {
      counter += 1;
      return { operationId: `${OPERATION_PREFIX}-${instanceId}-${counter}`, referenceId: counter };
    },
    referenceIdOf(operationId) {
      if (typeof operationId !== 'string') return undefined;
      const aliased = aliases.get(operationId);
      if (aliased !== undefined) return Number.isNaN(aliased) ? undefined : aliased;
      const match = pattern.exec(operationId);
      if (!match) return undefined;
      const n = Number(match[1]);
      // Only ids this instance handed out: a forged larger number matches nothing pending anyway.
      return n > base && n <= counter ? n : undefined;
    },
    rememberTypes(interactionId, kvTypes) {
      types.delete(interactionId);
      types.set(interactionId, kvTypes);
      bounded(types);
    },
    alias(operationId, referenceId) {
      // An id the server gave two requests names neither for sure: it settles nothing.
      const before = aliases.get(operationId);
      if (before !== undefined && before !== referenceId) {
        aliases.set(operationId, Number.NaN);
        return;
      }
      aliases.set(operationId, referenceId);
      bounded(aliases);
    },
    typeOf: (interactionId, key) => types.get(interactionId)?.get(key),
    rememberCapabilities(interactionId, listed) {
      capabilities.delete(interactionId);
      capabilities.set(interactionId, new Set(listed.map(foldCapability)));
      bounded(capabilities);
    },
    allows: (interactionId, folded) => capabilities.get(interactionId)?.has(folded),
    notePlacedInQueue(interactionId) {
      placed.add(interactionId);
      bounded(placed);
    },
    wasPlacedInQueue: (interactionId) => placed.has(interactionId),
  };
}
