import type { OpenmediaClientOptions } from '../client/client-options';
import type { OpenmediaClient } from '../client/openmedia-client';
import type { OpenmediaWidgetProps } from '../components/openmedia-widget';
import type { OpenmediaInteraction } from '../protocol/types';

/**
 * What {@link mountOpenmediaWidget} takes: the client's options (or a `client` the host owns) and
 * the widget's props. Changing a client option moves the widget to a new client.
 */
export interface OpenmediaWidgetMountOptions extends OpenmediaClientOptions, OpenmediaWidgetProps {
  /** A client the host created and owns; the client options are then ignored. */
  readonly client?: OpenmediaClient;
  /**
   * Add the widget's stylesheet to the document (once). Default true. Set false when the page
   * links `openmedia-widget.css` itself (e.g. under a CSP that forbids inline styles).
   */
  readonly injectStyles?: boolean;
  /**
   * Called once per new offer in the browser (in the tab holding the shared connection), also
   * while the tab is hidden; the element also dispatches `openmedia-offer`. Active without `alerts`.
   */
  readonly onOffer?: (interaction: OpenmediaInteraction) => void;
}
