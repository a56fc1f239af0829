/**
 * Starts the connection Worker of this source tree (`connection-worker.ts`), for pages built from
 * it by Vite (the standalone page, the benchmark's widget page). A host of the npm package starts
 * its own (docs/embedding.md). One function for the page's life: the client compares options by
 * identity, and a new function would make a new client.
 */
export function startConnectionWorker(): Worker {
  return new Worker(new URL('./connection-worker.ts', import.meta.url), { type: 'module', name: 'openmedia-connection' });
}
