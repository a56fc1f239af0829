import css from '../components/openmedia-widget.css?inline';

const MARKER = 'data-openmedia-widget-styles';

/**
 * Adds the widget's stylesheet to the document once, however many widgets mount. Every rule is
 * scoped under `.omw-root`, so it cannot restyle the host page.
 */
export function injectWidgetStyles(doc: Document): void {
  if (doc.head.querySelector(`style[${MARKER}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = css;
  doc.head.append(style);
}
