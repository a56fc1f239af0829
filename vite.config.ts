import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The standalone page. Servers we start bind 127.0.0.1 only.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: { outDir: 'dist/app', emptyOutDir: true, sourcemap: true },
});
