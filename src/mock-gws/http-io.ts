import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: 'too-large' | 'invalid-json' | 'aborted' };

/** Reads and parses a JSON body. An empty body reads as `undefined`. */
export function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (!done) {
        done = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) finish({ ok: false, error: 'too-large' });
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish({ ok: true, value: undefined });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        finish({ ok: false, error: 'invalid-json' });
      }
    });
    req.on('error', () => finish({ ok: false, error: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, error: 'aborted' }));
  });
}

/**
 * Adds a `Set-Cookie` without losing others. The CometD server sets its own cookie with
 * `setHeader`, which would replace ours, so that method is wrapped on this response only.
 */
export function addSetCookie(res: ServerResponse, cookie: string): void {
  const current = res.getHeader('Set-Cookie');
  const list = current === undefined ? [] : Array.isArray(current) ? current : [String(current)];
  res.setHeader('Set-Cookie', [...list, cookie]);
  const original = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (name.toLowerCase() === 'set-cookie') {
      const incoming = Array.isArray(value) ? value.map(String) : [String(value)];
      return original(name, [cookie, ...incoming.filter((c) => c !== cookie)]);
    }
    return original(name, value);
  };
}
