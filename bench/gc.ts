/** Node's `global.gc` when started with `--expose-gc`, else undefined. */
export function exposedGc(): (() => void) | undefined {
  const candidate = (globalThis as { gc?: unknown }).gc;
  return typeof candidate === 'function' ? (candidate as () => void) : undefined;
}

/** Collect garbage when possible: between timed runs, so one side's garbage is not billed to the other. */
export function collectGarbage(): void {
  exposedGc()?.();
}

/**
 * Heap in use after full collections. Several rounds with a turn of the event loop between them,
 * so weak references and finalizers released by one collection are swept by the next.
 */
export async function settledHeapUsed(): Promise<number> {
  const gc = exposedGc();
  if (gc === undefined) throw new Error('Run with `node --expose-gc` to measure retained heap.');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}
