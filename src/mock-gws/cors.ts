import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for a cross-origin widget: credentials (the session cookie) and the CSRF headers must cross.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  res.setHeader('Vary', 'Origin');
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'X-CSRF-HEADER, X-CSRF-TOKEN');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    // x-api-key: the Workspace API v3's optional key header.
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-CSRF-TOKEN, x-api-key');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  // A refused origin gets an answer without CORS headers: the browser then blocks the real request.
  res.statusCode = 204;
  res.end();
  return true;
}
