import { mergeConfig } from 'vite';
import base from '../../vite.config';

// The standalone page for the simulator suite: the project's dev server (AGENT_API_SIMULATOR
// proxy, MOCK_GWS=0 from playwright.simulator.config.ts) without file watching and HMR. A test
// here proves "no reload" (a session lost, a network cut): a source file saved while it runs
// must not reload the page under it.
export default mergeConfig(base, { server: { hmr: false, watch: null } });
