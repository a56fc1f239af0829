// Apart from focus-trap.ts: the widget's focus recovery needs this on every page, the trap only
// once a dialog opens (it loads with the dialog, on demand).

/** The focused element as seen from `node`'s root (inside a shadow root, `document.activeElement` is the host). */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode();
  if (root instanceof Document || root instanceof ShadowRoot) return root.activeElement;
  return node.ownerDocument?.activeElement ?? null;
}
