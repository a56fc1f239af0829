import alertsCss from '../components/offer-alerts.css?inline';
import widgetCss from '../components/openmedia-widget.css?inline';

const MARKER = 'data-openmedia-widget-styles';

/**
 * `<openmedia-widget>` lays out as a block, as a container is expected to (a custom element is
 * inline by default, so a host's width, height or overflow on it did nothing). `:where()` has no
 * specificity: any rule of the host's wins, and `hidden` still hides it.
 */
const ELEMENT_CSS = ':where(openmedia-widget){display:block}:where(openmedia-widget[hidden]){display:none}';

/** The widget's rules, the offer-alert controls' (shown above it with `alerts`) and the element's own. */
const CSS = `${widgetCss}\n${alertsCss}\n${ELEMENT_CSS}`;

/**
 * Adds the widget's stylesheet once where `element` is: to the document's head, or to the shadow
 * root `element` sits in (a document's stylesheets never reach a shadow tree), however many
 * widgets mount there. Every rule is scoped under the widget's own classes or element, so it
 * cannot restyle the host page.
 */
export function injectWidgetStyles(element: Element): void {
  const root = element.getRootNode();
  const shadow = typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root : undefined;
  const doc = element.ownerDocument;
  const container: ParentNode & Node = shadow ?? doc.head;
  if (container.querySelector(`style[${MARKER}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = CSS;
  if (shadow) shadow.prepend(style);
  else doc.head.append(style);
}
