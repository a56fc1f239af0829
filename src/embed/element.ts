import { dispatchConfigErrorEvent } from './dom-events';
import { ELEMENT_ATTRIBUTES, readElementAttributes } from './element-attributes';
import { injectElementStyles } from './inject-styles';
import { mountOpenmediaWidget } from './mount';
import type { MountedOpenmediaWidget } from './mount';
import type { OpenmediaWidgetMountOptions } from './mount-options';

/** The custom element's own API, beside its attributes. */
export interface OpenmediaWidgetElement extends HTMLElement {
  /**
   * Options set from script, for what attributes cannot carry (a shared `channel`, a `client`,
   * `messages`, callbacks) or to override them: keys set here win over the attributes.
   */
  options: Partial<OpenmediaWidgetMountOptions>;
}

declare global {
  /** `document.querySelector('openmedia-widget')` and `createElement('openmedia-widget')` are typed. */
  interface HTMLElementTagNameMap {
    'openmedia-widget': OpenmediaWidgetElement;
  }
}

const defined = new WeakSet<CustomElementConstructor>();

function createElementClass(): CustomElementConstructor {
  // Declared inside the function: HTMLElement does not exist in Node, where this module may be
  // imported (server rendering, type tests) without defining anything.
  class OpenmediaWidgetCustomElement extends HTMLElement implements OpenmediaWidgetElement {
    static readonly observedAttributes = ELEMENT_ATTRIBUTES;
    #options: Partial<OpenmediaWidgetMountOptions> = {};
    #widget: MountedOpenmediaWidget | undefined;
    #unmountQueued = false;
    #lastProblems: ReadonlySet<string> = new Set();
    /** The option keys the widget was last given: one gone from them is passed as undefined. */
    #passed: readonly string[] = [];

    constructor() {
      super();
      // Options set on the element before it was defined (the host's script ran before ours) are
      // an own property hiding the accessor below: take them, so they and every later set apply.
      if (Object.hasOwn(this, 'options')) {
        const early = (this as { options?: Partial<OpenmediaWidgetMountOptions> }).options;
        delete (this as { options?: unknown }).options;
        this.#options = early ?? {};
      }
    }

    get options(): Partial<OpenmediaWidgetMountOptions> {
      return this.#options;
    }

    set options(value: Partial<OpenmediaWidgetMountOptions>) {
      this.#options = value ?? {};
      this.#sync();
    }

    connectedCallback(): void {
      this.#unmountQueued = false;
      this.#sync();
    }

    disconnectedCallback(): void {
      // Moving the element must not reconnect to GWS: removed, then inserted in the same task or
      // after the host awaited something (a microtask later), it keeps its widget.
      this.#unmountQueued = true;
      setTimeout(() => {
        if (!this.#unmountQueued) return;
        this.#unmountQueued = false;
        this.#widget?.unmount();
        this.#widget = undefined;
      }, 0);
    }

    attributeChangedCallback(): void {
      this.#sync();
    }

    #read(): OpenmediaWidgetMountOptions {
      const { options, problems } = readElementAttributes((name) => this.getAttribute(name));
      // Each problem is reported once, when it appears (again after it was mended and came back):
      // an attribute left unreadable is not reported anew with every later change of another.
      const fresh = problems.filter((problem) => !this.#lastProblems.has(problem));
      this.#lastProblems = new Set(problems);
      if (fresh.length > 0) {
        console.warn(`<${this.localName}>: ${fresh.join(' ')}`);
        // After the current script: read during an upgrade (inside `define()`), the event would
        // otherwise fire before the page could add its listener to the element.
        queueMicrotask(() => dispatchConfigErrorEvent(this, problems, fresh));
      }
      return { ...options, ...this.#options };
    }

    #sync(): void {
      if (!this.isConnected) return;
      const options = this.#read();
      // Here on every sync, not only at the first mount: an element moved into a shadow root
      // needs its block layout there too (the widget's stylesheet follows it the same way).
      if (options.injectStyles !== false) injectElementStyles(this);
      const gone = this.#passed.filter((key) => !Object.hasOwn(options, key));
      this.#passed = Object.keys(options);
      if (this.#widget === undefined) {
        this.#widget = mountOpenmediaWidget(this, options);
        return;
      }
      // Every key is passed, and a key no longer there as undefined: an attribute removed, or an
      // option the page's new `options` leave out (a veto, a client), goes back to its default.
      const patch: Record<string, unknown> = { ...options };
      for (const key of gone) patch[key] = undefined;
      this.#widget.update(patch as Partial<OpenmediaWidgetMountOptions>);
    }
  }
  return OpenmediaWidgetCustomElement;
}

/**
 * Registers `<openmedia-widget>` (or `tagName`) for pages without React:
 *
 * ```html
 * <openmedia-widget gws="https://gws.example:8090" media-types="promotion,workitem"
 *   transfer-targets='[{"name":"Billing","uri":"…/api/v2/queues/billing","kind":"queue"}]' theme="dark">
 * </openmedia-widget>
 * ```
 *
 * Attributes: `gws`, `dialect`, `cometd-url`, `cometd-channels`, `api-key`, `media-types`, `transport`, `transfer-targets` (JSON),
 * `theme`, `heading`, `compact`, `show-diagnostics`, `locale`, `action-timeout-ms`, `linger-ms`,
 * `alerts` (title badge, and the agent's "Notify me of new offers" and sound switches above the
 * widget), `share-connection="false"` (a CometD session of this tab's own).
 * The element dispatches `openmedia-focus`, `openmedia-action` and, once per new offer in the
 * browser, `openmedia-offer` (see `mountOpenmediaWidget`).
 * Calling it again with the same name is harmless; a name taken by another element throws.
 */
export function defineOpenmediaWidgetElement(tagName = 'openmedia-widget'): CustomElementConstructor {
  const existing = customElements.get(tagName);
  if (existing !== undefined) {
    if (defined.has(existing)) return existing;
    throw new Error(`defineOpenmediaWidgetElement: <${tagName}> is already defined by another script; pass another tag name.`);
  }
  const constructor = createElementClass();
  defined.add(constructor);
  customElements.define(tagName, constructor);
  return constructor;
}
