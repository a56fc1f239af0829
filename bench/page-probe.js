// Injected into the page before any of its scripts (Playwright addInitScript), as plain browser
// JavaScript so nothing a TypeScript transpiler adds can break it. Read back as `window.__omBench`.
//
// - Latency: a MutationObserver sees each change of a card in the DOM, reads the card's `seq` and
//   `sentAt` user data (stamped by the mock at publish time) and records now − sentAt.
// - Arrival: the CometD long-poll responses (XMLHttpRequest) are read too, so the latency can be
//   split into getting the message into the page and getting it from there into the DOM; on a
//   page whose CometD client runs in a Worker, the Worker's messages to the page are read instead.
// - Commits and re-renders: a minimal React DevTools hook (the interface React uses in production
//   builds too) is called after every commit; it records the animation frame the commit landed in
//   and which cards' components rendered, walking only the parts of the fiber tree that did work,
//   the way React DevTools decides "did this component render".
//
// The frame counter (a requestAnimationFrame loop) and the commit hook are work in the measured
// page: every page draws 60 frames a second while the loop runs, whatever it does itself. A page
// that sets `window.__omBenchProbe = { frames: false, commits: false }` before this script keeps
// only the MutationObserver and the arrival reading (the side-by-side benchmark, which measures
// the main thread's busy share, does).
(() => {
  const config = window.__omBenchProbe || {};
  const countFrames = config.frames !== false;
  const hookCommits = config.commits !== false;
  const PERFORMED_WORK = 1; // React's PerformedWork fiber flag
  const HOST_COMPONENT = 5;
  const COMPONENT_TAGS = new Set([0, 11, 14, 15]); // function, forwardRef, memo, simple memo

  const probe = {
    frame: 0,
    /** [seq, latencyMs, firstAppearance(0|1), Date.now()] per change seen in the DOM. */
    samples: [],
    /** now − sentAt of each stamped message when its CometD response reached the page's JavaScript. */
    arrivals: [],
    /** seq → Date.now() when its CometD response reached the page's JavaScript (wire → DOM). */
    arrivedAt: {},
    /** Per commit: [frame, cardsReRendered, cardsMounted, cardsWhoseSeqChanged, performance.now()]. */
    commits: [],
    /** Cards that re-rendered although their seq did not change. */
    wastedRenders: 0,
    maxSeq: -1,
    errors: [],
  };
  window.__omBench = probe;

  const tick = () => {
    probe.frame += 1;
    requestAnimationFrame(tick);
  };
  if (countFrames) requestAnimationFrame(tick);

  function arrived(data, now) {
    const userData = data && data.openmedia && data.openmedia.userData;
    if (userData && typeof userData.sentAt === 'number' && userData.sentAt > 0) {
      probe.arrivals.push(now - userData.sentAt);
      if (typeof userData.seq === 'number') probe.arrivedAt[userData.seq] = now;
    }
  }

  function onCometdLoad() {
    const now = Date.now();
    try {
      const messages = JSON.parse(this.responseText);
      if (!Array.isArray(messages)) return;
      for (const message of messages) arrived(message && message.data, now);
    } catch {
      // Not JSON (an error page): nothing to time.
    }
  }

  // A page whose CometD client runs in a Worker (the widget's connectionWorker) gets each answer's
  // notifications as one message from it: their arrival in the page's JavaScript is that message.
  const PageWorker = window.Worker;
  if (typeof PageWorker === 'function') {
    window.Worker = class extends PageWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => {
          const message = event.data;
          if (!message || message.kind !== 'messages' || !Array.isArray(message.data)) return;
          const now = Date.now();
          for (const data of message.data) arrived(data, now);
        });
      }
    };
  }
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__omBenchUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (this.__omBenchUrl && this.__omBenchUrl.includes('/api/v2/notifications')) this.addEventListener('load', onCometdLoad);
    return send.call(this, body);
  };

  /** The number shown for user-data `key` in a card, or undefined. */
  function field(article, key) {
    for (const dt of article.querySelectorAll('dt')) {
      if (dt.textContent !== key) continue;
      const dd = dt.nextElementSibling;
      const text = (dd && (dd.firstElementChild || dd).textContent) || '';
      const value = Number.parseInt(text, 10);
      return Number.isFinite(value) ? value : undefined;
    }
    return undefined;
  }

  // Last seq each card showed: to the observer (latency) and to the commit hook (re-renders).
  const seenByObserver = new WeakMap();
  const seenByCommit = new WeakMap();

  function observe(records) {
    const now = Date.now();
    const articles = new Set();
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const article = node && node.closest('article');
      if (article) articles.add(article);
      // A card mounted into the list: the record's target is the list, the card is an added node.
      for (const added of record.addedNodes) {
        if (added.nodeType !== 1) continue;
        if (added.tagName === 'ARTICLE') articles.add(added);
        for (const inner of added.querySelectorAll('article')) articles.add(inner);
      }
    }
    for (const article of articles) {
      const seq = field(article, 'seq');
      const sentAt = field(article, 'sentAt');
      if (seq === undefined || sentAt === undefined || sentAt <= 0) continue;
      const before = seenByObserver.get(article);
      if (before === seq) continue;
      seenByObserver.set(article, seq);
      probe.samples.push([seq, now - sentAt, before === undefined ? 1 : 0, now]);
      if (seq > probe.maxSeq) probe.maxSeq = seq;
    }
  }

  function startObserving() {
    new MutationObserver(observe).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  }
  if (document.documentElement) startObserving();
  else document.addEventListener('readystatechange', startObserving, { once: true });

  /** Cards (article host fibers under a component) in the parts of the tree that did work. */
  function visit(fiber, owner, out) {
    for (let child = fiber.child; child !== null; child = child.sibling) {
      if (child.tag === HOST_COMPONENT && child.type === 'article' && owner !== null) out.push([owner, child.stateNode]);
      const nextOwner = COMPONENT_TAGS.has(child.tag) ? child : owner;
      if (((child.flags | child.subtreeFlags) & PERFORMED_WORK) !== 0) visit(child, nextOwner, out);
    }
  }

  function onCommit(root) {
    try {
      const cards = [];
      visit(root.current, null, cards);
      let reRendered = 0;
      let mounted = 0;
      let changed = 0;
      for (const [owner, article] of cards) {
        if ((owner.flags & PERFORMED_WORK) === 0) continue;
        const seq = field(article, 'seq');
        const before = seenByCommit.get(article);
        if (seq !== undefined) seenByCommit.set(article, seq);
        if (owner.alternate === null) {
          mounted += 1;
          continue;
        }
        reRendered += 1;
        if (seq !== undefined && before !== undefined && seq !== before) changed += 1;
        else probe.wastedRenders += 1;
      }
      probe.commits.push([probe.frame, reRendered, mounted, changed, Math.round(performance.now())]);
    } catch (error) {
      if (probe.errors.length < 5) probe.errors.push(String(error));
    }
  }

  if (!hookCommits) return;
  let rendererId = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    inject(renderer) {
      rendererId += 1;
      this.renderers.set(rendererId, renderer);
      return rendererId;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      onCommit(root);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})();
