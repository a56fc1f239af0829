import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { EmbeddedWidget } from './embedded-widget';
import { injectWidgetStyles } from './inject-styles';
import type { OpenmediaWidgetMountOptions } from './mount-options';

/** What {@link mountOpenmediaWidget} returns. */
export interface MountedOpenmediaWidget {
  /**
   * Change options; keys left out keep their value (pass `undefined` to reset one). A change of a
   * client option (`gwsBase`, `cometdUrl`, `mediaTypes`, `transport`, `channel`, `gwsClient`,
   * `queryClient`, `actionTimeoutMs`, `lingerMs`, `recordLimit`) or of `client` moves the widget
   * to a new client (the old one is disposed); the others only re-render.
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
  let root: Root | undefined = createRoot(element);

  const render = () => {
    if (current.injectStyles !== false) injectWidgetStyles(element);
    root?.render(<EmbeddedWidget options={current} target={element} />);
  };

  const handle: MountedOpenmediaWidget = {
    update(patch) {
      if (root === undefined) return;
      current = { ...current, ...patch };
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
