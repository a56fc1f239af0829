// openmedia-widget/connection-worker: what a connection Worker runs. A host's Worker file is
//   import { serveConnection } from 'openmedia-widget/connection-worker';
//   serveConnection();
// and the host passes `connectionWorker: () => new Worker(new URL('./that-file.js', import.meta.url), { type: 'module' })`.
export { serveConnection } from '../channel/serve-connection';
export type { ConnectionPort } from '../channel/serve-connection';
