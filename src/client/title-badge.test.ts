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

  it('a host that keeps its own prefix on every title (its own observer) and the badge settle at once: the badge inside, restored without it', async () => {
    document.title = 'CRM | Case 42';
    let hostWrites = 0;
    const host = new MutationObserver(() => {
      if (!document.title.startsWith('CRM | ') && hostWrites < 100) {
        hostWrites += 1;
        document.title = `CRM | ${document.title}`;
      }
    });
    host.observe(document.head, { childList: true, subtree: true, characterData: true });
    const badge = createTitleBadge(document);
    badge(1);
    for (let i = 0; i < 5; i += 1) await observed();
    expect(hostWrites).toBe(1);
    expect(document.title).toBe('CRM | (1) CRM | Case 42');
    // A new count goes where the host keeps the badge.
    badge(2);
    for (let i = 0; i < 5; i += 1) await observed();
    expect(document.title).toBe('CRM | (2) CRM | Case 42');
    badge(0);
    await observed();
    expect(document.title).toBe('CRM | CRM | Case 42');
    host.disconnect();
  });

  it('answers a host that rewrites every title it sees a few times a second at most, never for ever', async () => {
    document.title = 'Desk';
    let hostWrites = 0;
    // It takes the badge off whenever it sees one, with a title of its own.
    const host = new MutationObserver(() => {
      if (document.title.startsWith('(') && hostWrites < 1_000) {
        hostWrites += 1;
        document.title = `Desk ${hostWrites}`;
      }
    });
    const badge = createTitleBadge(document);
    badge(1);
    host.observe(document.head, { childList: true, subtree: true, characterData: true });
    document.title = 'Desk 0';
    for (let i = 0; i < 50; i += 1) await observed();
    expect(hostWrites).toBeLessThan(10);
    host.disconnect();
  });
});
