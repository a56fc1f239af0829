import alertsCss from '../components/offer-alerts.css?inline';
import widgetCss from '../components/openmedia-widget.css?inline';

const MARKER = 'data-openmedia-widget-styles';
const ELEMENT_MARKER = 'data-openmedia-widget-element';

/**
 * The custom element lays out as a block, as a container is expected to (a custom element is
 * inline by default, so a host's width, height or overflow on it did nothing). `:where()` has no
 * specificity: any rule of the host's wins, and `hidden` still hides it. The stylesheet itself
 * (openmedia-widget.css) has this rule for `<openmedia-widget>`, so a linked stylesheet gives it too.
 */
function elementCss(tagName: string): string {
  return `:where(${tagName}){display:block}:where(${tagName}[hidden]){display:none}`;
}

/** The widget's rules and the offer-alert controls' (shown above it with `alerts`). */
const CSS = `${widgetCss}\n${alertsCss}`;

/** Adds a `<style>` with `text`, marked `attribute="value"`, where `element` is, unless one with that mark is there. */
function addStyleOnce(element: Element, attribute: string, value: string, text: string): void {
  const root = element.getRootNode();
  const shadow = typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root : undefined;
  const doc = element.ownerDocument;
  const container: ParentNode & Node = shadow ?? doc.head;
  if ([...container.querySelectorAll(`style[${attribute}]`)].some((style) => style.getAttribute(attribute) === value)) return;
  const style = doc.createElement('style');
  style.setAttribute(attribute, value);
  style.textContent = text;
  if (shadow) shadow.prepend(style);
  else doc.head.append(style);
}

/**
 * Adds the widget's stylesheet once where `element` is: to the document's head, or to the shadow
 * root `element` sits in (a document's stylesheets never reach a shadow tree), however many
 * widgets mount there. Every rule is scoped under the widget's own classes or element, so it
 * cannot restyle the host page.
 */
export function injectWidgetStyles(element: Element): void {
  addStyleOnce(element, MARKER, '', CSS);
}

/**
 * The block layout of a custom element registered under another name than `<openmedia-widget>`
 * (`defineOpenmediaWidgetElement('acme-openmedia')`), once per name where `element` is.
 */
export function injectElementStyles(element: Element): void {
  const tagName = element.localName;
  if (tagName !== 'openmedia-widget') addStyleOnce(element, ELEMENT_MARKER, tagName, elementCss(tagName));
}
