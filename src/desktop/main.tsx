import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readDevConfig } from '../dev/dev-config';
import { DesktopApp } from './desktop-app';
import './desktop.css';

// Same URL options as the standalone page: ?gws=<base URL>, ?mediaTypes=a,b (the mock GWS on this
// origin by default).
const config = readDevConfig(window.location.search);
const container = document.getElementById('root');
if (!container) throw new Error('desktop.html must contain <div id="root">');
createRoot(container).render(
  <StrictMode>
    <DesktopApp
      connection={{ gwsBase: config.gwsBase, cometdUrl: config.cometdUrl, ...(config.mediaTypes ? { mediaTypes: config.mediaTypes } : {}) }}
      origin={window.location.origin}
      initialTheme={window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'}
    />
  </StrictMode>,
);
