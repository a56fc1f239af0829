/** POST JSON to a route of the mock GWS (`/mock/…`); a refusal throws with the mock's answer. */
export async function postJson(origin: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Calls `until` every `everyMs` until it holds or `deadlineMs` has passed; whether it held. */
export async function poll(until: () => Promise<boolean>, deadlineMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await until()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return until();
}
