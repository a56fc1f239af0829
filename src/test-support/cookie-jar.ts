/** The few cookies a test client needs (JSESSIONID, BAYEUX_BROWSER), shared by fetch and CometD. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Stores one `Set-Cookie` value (attributes ignored). */
  store(setCookie: string): void {
    const pair = setCookie.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) this.#cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }

  storeFrom(headers: Headers): void {
    for (const value of headers.getSetCookie()) this.store(value);
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** The `Cookie` request header ('' when empty). */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  clear(): void {
    this.#cookies.clear();
  }
}
