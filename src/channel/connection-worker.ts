import { serveConnection } from './serve-connection';

// The entry of the connection Worker of the pages built from this source tree (see
// start-connection-worker.ts). A host of the npm package writes the same two lines with
// `openmedia-widget/connection-worker` (docs/embedding.md).
serveConnection();
