// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createTitleBadge } from './alert-effects';

// The badge on a real document: the host retitles the page while offers wait (a single-page app's
// route change), and two widgets of one page badge it together.

afterEach(() => {
  createTitleBadge(document)(0);
  document.title = '';
});

/** MutationObserver callbacks run as microtasks. */
const observed = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the title badge on a document', () => {
  it('a title the host sets while offers wait gets the badge back at once, and is restored as the host set it', async () => {
    document.title = 'CRM';
    const badge = createTitleBadge(document);
    badge(3);
    expect(document.title).toBe('(3) CRM');
    document.title = 'CRM · Case 42';
    await observed();
    expect(document.title).toBe('(3) CRM · Case 42');
    badge(0);
    expect(document.title).toBe('CRM · Case 42');
    // No badge: the host's titles are left alone.
    document.title = 'CRM · Home';
    await observed();
    expect(document.title).toBe('CRM · Home');
  });

  it('two badges of one document are one: the larger count, never "(2) (2) …"; the title comes back when both are clear', () => {
    document.title = 'Agent desktop';
    const first = createTitleBadge(document);
    const second = createTitleBadge(document);
    first(2);
    second(2);
    expect(document.title).toBe('(2) Agent desktop');
    second(3);
    first(3);
    expect(document.title).toBe('(3) Agent desktop');
    first(0);
    expect(document.title).toBe('(3) Agent desktop');
    second(0);
    expect(document.title).toBe('Agent desktop');
  });
});
