import { GwsRequestError } from './errors';

/**
 * One segment of a request path, encoded (`encodeURIComponent`). An id that is only "." or ".."
 * cannot be one: URLs resolve it (encoded too: "%2E%2E" is ".." to the URL standard), so
 * `…/promotion/..` would be a request to `…/openmedia/`, another endpoint. It is refused, not sent.
 */
export function pathSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  if (encoded === '.' || encoded === '..') {
    throw new GwsRequestError({ kind: 'http', notSent: true, message: `Not sent: “${value}” cannot be written in a request URL (it would name another address).` });
  }
  return encoded;
}
