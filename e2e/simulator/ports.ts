/**
 * Ports of the simulator suite (none clash with 4173, 5173, 6006, 8091 of the other suites):
 * the page (Vite dev server) proxies /workspace, /auth, /sim to the TCP proxy, which forwards to
 * the simulator, so a test can cut the network between page and server.
 */
export const SIM_PAGE_PORT = 4191;
export const SIM_PAGE_ORIGIN = `http://127.0.0.1:${SIM_PAGE_PORT}`;
export const SIM_PROXY_PORT = 7795;
export const SIM_SERVER_PORT = 7796;
