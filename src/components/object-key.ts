/**
 * A number per object, the same for as long as the object lives (a React key for things that have
 * no id of their own: a failure, a draft). Held weakly: an object let go takes its key with it.
 */
export function createObjectKeys<T extends object>(): (value: T) => number {
  const keys = new WeakMap<T, number>();
  let last = 0;
  return (value) => {
    let key = keys.get(value);
    if (key === undefined) {
      last += 1;
      key = last;
      keys.set(value, key);
    }
    return key;
  };
}
