import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { mockGwsPlugin } from './src/mock-gws/vite-plugin';

// The standalone page. Servers we start bind 127.0.0.1 only.
// The mock GWS answers on the page's own origin in dev and preview, in both dialects: GWS v2
// (/api/v2, /mock) and the Workspace API v3 (/workspace/v3, /auth/v3, /mock/v3; the page's
// ?dialect=v3). MOCK_GWS=0 turns it off (to point the page at a real GWS or at `npm run mock-gws`).
// AGENT_API_SIMULATOR=http://127.0.0.1:7777 proxies /workspace, /auth and /sim to Genesys's
// agent-api-simulator, so its SameSite=Lax session cookie is the page's own (docs/dialects.md);
// the plugin then leaves those paths to the proxy (its middlewares would otherwise run first).
// Its GWS v2 StatusChanges past the offer carry no user data and no received date, as GWS's own
// (leanStatusChanges): the page and the e2e tests meet the shape a real server sends.
const simulator = process.env.AGENT_API_SIMULATOR;
const simulatorProxy = simulator
  ? Object.fromEntries(['/workspace', '/auth', '/sim'].map((path) => [path, { target: simulator, changeOrigin: false, ws: false }]))
  : undefined;

export default defineConfig({
  plugins: [react(), ...(process.env.MOCK_GWS === '0' ? [] : [mockGwsPlugin({ leanStatusChanges: true })])],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, proxy: simulatorProxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, proxy: simulatorProxy },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    sourcemap: true,
    // Two pages: the standalone widget page and the example agent desktop (src/desktop).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        desktop: fileURLToPath(new URL('desktop.html', import.meta.url)),
      },
    },
  },
});
