import type { UserDataKind, UserDataValue } from '../types';

/** One entry of a Workspace API v3 KV list. `type` is the server's word (`str`, `int`, `kvlist`, …). */
export interface KvPairWire {
  key: string;
  type: string;
  value: unknown;
}

/** A KV list flattened for display, with the type of each key (the last entry of a key wins). */
export interface FlatKvList {
  readonly userData: Record<string, UserDataValue>;
  readonly types: ReadonlyMap<string, string>;
  /**
   * Keys shown flattened (a nested list as one line, a boolean as `true` / `false`): they cannot
   * be sent back as shown without losing their type, so they are read-only (as in v2, see
   * `OpenmediaInteraction.userDataKinds`). Undefined when every value is a string or a number.
   */
  readonly kinds: Record<string, UserDataKind> | undefined;
}

const BOOLEAN_TYPES = new Set(['bool', 'boolean']);

/** Whether a KV value is shown flattened: a nested list (on one line), another structure (as JSON), or a boolean. */
function kindOf(type: unknown, value: unknown): UserDataKind | undefined {
  if (typeof value === 'boolean' || (typeof type === 'string' && BOOLEAN_TYPES.has(type.toLowerCase()))) return 'boolean';
  if (Array.isArray(value) || (typeof type === 'string' && type.toLowerCase() === 'kvlist')) return 'list';
  if (typeof value === 'object' && value !== null) return 'json';
  return undefined;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_DEPTH = 8;

/** A nested KV list as one readable line: `a: 1, b: (c: x)`. */
function readable(value: unknown, depth: number): string {
  if (Array.isArray(value) && depth < MAX_DEPTH) {
    return value
      .filter(isObject)
      .map((pair) => {
        const inner = pair.value;
        const text = Array.isArray(inner) ? `(${readable(inner, depth + 1)})` : scalarText(inner);
        return `${String(pair.key)}: ${text}`;
      })
      .join(', ');
  }
  return scalarText(value);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function displayValue(value: unknown): UserDataValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return readable(value, 0);
}

/**
 * Flatten a KV list `[{key, type, value}]` for display. A repeated key: the last one wins (what
 * the server applies last); a nested list becomes one readable line; entries without a string
 * key are skipped. Returns undefined when `list` is not a list at all.
 */
export function flattenKvList(list: unknown): FlatKvList | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries: [string, UserDataValue][] = [];
  const types = new Map<string, string>();
  const kinds = new Map<string, UserDataKind | undefined>();
  for (const pair of list) {
    if (!isObject(pair) || typeof pair.key !== 'string' || pair.key === '') continue;
    entries.push([pair.key, displayValue(pair.value)]);
    types.set(pair.key, typeof pair.type === 'string' ? pair.type : Array.isArray(pair.value) ? 'kvlist' : 'str');
    // The last entry of a key decides, as for its value: a later plain value makes it editable again.
    kinds.set(pair.key, kindOf(pair.type, pair.value));
  }
  const flattened = [...kinds].filter((entry): entry is [string, UserDataKind] => entry[1] !== undefined);
  // Object.fromEntries defines own properties (a "__proto__" key stays a plain key); later entries win.
  return { userData: Object.fromEntries(entries), types, kinds: flattened.length === 0 ? undefined : Object.fromEntries(flattened) };
}

/** Integer types as servers spell them (the simulator writes `interger`). */
const INTEGER_TYPES = new Set(['int', 'integer', 'interger', 'long']);

/** Whether the server's type for a key holds whole numbers (`int`, and the simulator's `interger`). */
export function isIntegerType(type: string | undefined): boolean {
  return type !== undefined && INTEGER_TYPES.has(type.toLowerCase());
}

/** The value as the whole number an integer-typed key can hold, or undefined when it is not one (2.5, text, beyond 2^53). */
export function wholeNumberOf(value: UserDataValue): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * One edited value as a KV pair, keeping the `type` the server used for that key: an `int`
 * stays an `int` (a numeric text the agent typed becomes a number again; a value that is not a
 * whole number is refused before this, see `performV3Operation`). A nested list edited as text can
 * no longer be a list: it is sent as `str`. A new key gets `int` for a number, else `str`.
 */
/** A value as the boolean a `bool`-typed key holds (`true` / `false`, as the card shows it), or undefined. */
export function booleanOf(value: UserDataValue): boolean | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Whether the server's type for a key holds true / false. */
export function isBooleanType(type: string | undefined): boolean {
  return type !== undefined && BOOLEAN_TYPES.has(type.toLowerCase());
}

export function toKvPair(key: string, value: UserDataValue, knownType: string | undefined): KvPairWire {
  if (knownType !== undefined && isIntegerType(knownType)) {
    const n = wholeNumberOf(value);
    if (n !== undefined) return { key, type: knownType, value: n };
    return { key, type: 'str', value: value === null ? '' : String(value) };
  }
  if (isBooleanType(knownType)) {
    const flag = booleanOf(value);
    if (flag !== undefined) return { key, type: knownType ?? 'bool', value: flag };
  }
  if (knownType !== undefined && knownType.toLowerCase() !== 'kvlist') {
    return { key, type: knownType, value: value === null ? '' : String(value) };
  }
  if (knownType === undefined && typeof value === 'number' && Number.isSafeInteger(value)) return { key, type: 'int', value };
  return { key, type: 'str', value: value === null ? '' : String(value) };
}
