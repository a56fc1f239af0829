import { createRoot } from 'react-dom/client';
import { startConnectionWorker } from '../../src/channel/start-connection-worker';
import { OpenmediaWidget } from '../../src/components/openmedia-widget';
import { OpenmediaProvider } from '../../src/hooks/openmedia-provider';

// The widget as a host would mount it, and nothing else: no diagnostics panel, no mock controls,
// no StrictMode; its connection in a Worker, as docs/embedding.md shows a host. The browser
// benchmark runs it beside the standalone page, so the widget's own latency can be told apart
// from what the page around it costs.
const container = document.getElementById('root');
if (!container) throw new Error('widget-page/index.html must contain <div id="root">');
createRoot(container).render(
  <OpenmediaProvider connectionWorker={startConnectionWorker}>
    <OpenmediaWidget title="My interactions" />
  </OpenmediaProvider>,
);
