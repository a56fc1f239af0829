import type { KeyboardEvent } from 'react';
import { activeElementOf } from './active-element';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements Tab can reach inside `container`, in DOM order. Radio groups count once (the browser tabs to one radio). */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  const seenRadioGroups = new Set<string>();
  const result: HTMLElement[] = [];
  for (const el of container.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (el.closest('[hidden],[inert]')) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const name = el.name;
      const radios = Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
      const checked = radios.find((r) => r.name === name && r.checked);
      if (checked ? checked !== el : seenRadioGroups.has(el.name)) continue;
      seenRadioGroups.add(el.name);
    }
    result.push(el);
  }
  return result;
}

/**
 * Keep Tab and Shift+Tab inside `container` (a modal's own trap: jsdom and older browsers have no
 * inert background, and a native modal still lets Tab leave for the browser chrome).
 */
export function trapTab(event: KeyboardEvent<HTMLElement>, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = focusableIn(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = activeElementOf(container);
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
