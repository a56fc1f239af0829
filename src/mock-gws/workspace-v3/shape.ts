/**
 * The shape of a JSON value for comparing the mock's messages with real captures where ids,
 * dates and user-data contents differ: objects keep their keys in order, arrays the shape of
 * their first element, everything else its type.
 */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, v]) => [key, shapeOf(v)]);
  return value === null ? 'null' : typeof value;
}
