import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DevApp } from './dev-app';
import { readDevConfig } from './dev-config';
import './dev.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');
createRoot(container).render(
  <StrictMode>
    <DevApp config={readDevConfig(window.location.search)} />
  </StrictMode>,
);
