/**
 * `url` resolved against the page's address: what a Worker needs (it resolves relative URLs
 * against its own script) and what names one endpoint the same way in every tab. Left as it is
 * where it cannot be resolved (no `location`, not a URL).
 */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}
