import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { preloadLazyPartsForTests } from './components/lazy-parts';

// The transfer dialog and the user-data forms load on demand (src/components/lazy-parts.ts). Loaded
// here, once per test file, they render synchronously like any component, so tests open them and
// query them at once. lazy-parts.test.tsx resets this (resetLazyPartsForTests) to test the loading.
await preloadLazyPartsForTests();

afterEach(() => {
  cleanup();
  // What a test's widget remembered in the browser's storage (state starts, alerted offers, the
  // agent's alert toggles) must not reach the next test.
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
