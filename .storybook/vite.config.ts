import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Storybook's Vite config: React only (no app pages, no mock GWS; stories bring their own GWS). */
export default defineConfig({
  plugins: [react()],
});
