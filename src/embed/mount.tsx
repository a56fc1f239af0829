import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { EmbeddedWidget } from './embedded-widget';
import { injectWidgetStyles } from './inject-styles';
import { connectionChanged } from './mount-options';
import type { OpenmediaWidgetMountOptions } from './mount-options';

/** What {@link mountOpenmediaWidget} returns. */
export interface MountedOpenmediaWidget {
  /**
   * Change options; keys left out keep their value (pass `undefined` to reset one). A change of a
   * connection option (`gwsBase`, `cometdUrl`, `mediaTypes`, `transport`, `channel`, `client`,
   * `queryClient`, `actionTimeoutMs`, `lingerMs`) reconnects; the others only re-render.
   */
  update(options: Partial<OpenmediaWidgetMountOptions>): void;
  /** Disconnect and remove the widget from the element. Idempotent. */
  unmount(): void;
}

const mounted = new WeakMap<Element, MountedOpenmediaWidget>();

/**
 * Render the widget into `element` (a plain DOM element: no React needed on the page). The widget
 * dispatches `openmedia-focus` and `openmedia-action` DOM events on `element`; `preventDefault()`
 * on a `before` action event vetoes the action.
 */
export function mountOpenmediaWidget(element: Element, options: OpenmediaWidgetMountOptions = {}): MountedOpenmediaWidget {
  if (mounted.has(element)) {
    throw new Error('mountOpenmediaWidget: this element already shows a widget; call unmount() on it first.');
  }
  let current = options;
  // The provider reads its props once: a new connection needs a new provider (a new key).
  let generation = 0;
  let root: Root | undefined = createRoot(element);

  const render = () => {
    if (current.injectStyles !== false) injectWidgetStyles(element.ownerDocument);
    root?.render(<EmbeddedWidget key={generation} options={current} target={element} />);
  };

  const handle: MountedOpenmediaWidget = {
    update(patch) {
      if (root === undefined) return;
      const next = { ...current, ...patch };
      if (connectionChanged(current, next)) generation += 1;
      current = next;
      render();
    },
    unmount() {
      if (root === undefined) return;
      root.unmount();
      root = undefined;
      mounted.delete(element);
    },
  };
  mounted.set(element, handle);
  render();
  return handle;
}
