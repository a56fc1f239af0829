import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));

/** `../shared/third_party` beside the clone (CI has it there; a clone elsewhere does not). */
export const THIRD_PARTY = resolve(HERE, '../../../shared/third_party');
export const SCRIPT = resolve(THIRD_PARTY, 'agent-api-simulator.sh');

/** Whether Genesys's agent-api-simulator is beside the clone (CI has it; a clone elsewhere may not). */
export function simulatorPresent(): boolean {
  return existsSync(SCRIPT);
}

/**
 * Start (install on first use) the simulator on 127.0.0.1:`port`; fails loudly when it cannot.
 * Returns the path of its request log (the script prints `… log <path>`).
 */
export async function startSimulator(port: number): Promise<string> {
  const { stdout } = await run(SCRIPT, ['start', String(port)], { timeout: 170_000 });
  const log = /\blog (\S+)\s*$/m.exec(stdout)?.[1];
  if (log === undefined) throw new Error(`the simulator's start script printed no log path: ${stdout}`);
  return log;
}

/** CometD handshakes the simulator has answered so far, from its request log (one line per request). */
export async function handshakesLogged(log: string): Promise<number> {
  const text = await readFile(log, 'utf8');
  return text.split('\n').filter((line) => line.includes('POST /workspace/v3/notifications/handshake')).length;
}

export async function stopSimulator(port: number): Promise<void> {
  await run(SCRIPT, ['stop', String(port)], { timeout: 20_000 }).catch(() => undefined);
}

export interface SimInteraction {
  readonly id: string;
  readonly mediatype: string;
  readonly state: string;
  readonly subject?: string;
  readonly userData?: readonly { readonly key: string; readonly value: unknown }[];
}

/** A client of the simulator's HTTP API, straight to its port (not through the page's proxy). */
export function simulatorApi(port: number) {
  const base = `http://127.0.0.1:${port}`;

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  return {
    base,
    /** Sign in (form body, as the simulator wants) and return the session code (`WWE_CODE`). */
    async signIn(agent: string): Promise<string> {
      const form = new URLSearchParams({ username: `\\${agent}`, password: agent, wweURI: `${base}/ui/wwe/index.html` });
      const response = await fetch(`${base}/auth/v3/sign-in`, { method: 'POST', body: form, redirect: 'manual' });
      const code = /[?&]code=([0-9a-f]+)/.exec(response.headers.get('location') ?? '')?.[1];
      if (!code) throw new Error(`sign-in of ${agent} gave no code (HTTP ${response.status}, ${response.headers.get('location')})`);
      return code;
    },
    /**
     * The agent's first CometD handshake opens a ~1.75 s window in which current-session answers
     * 403: go through it here (a handshake, then current-session until it answers 200), so the
     * page meets a warmed-up agent. Also make the workitem and email channels Ready.
     */
    async warmUp(code: string): Promise<void> {
      const cookie = { Cookie: `WWE_CODE=${code}` };
      const handshake = await post('/workspace/v3/notifications/handshake', [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }], cookie);
      const [reply] = (await handshake.json()) as { clientId?: string }[];
      const deadline = Date.now() + 15_000;
      for (;;) {
        const session = await fetch(`${base}/workspace/v3/current-session`, { headers: cookie });
        if (session.ok) break;
        if (Date.now() > deadline) throw new Error(`current-session still answers ${session.status} after warm-up`);
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const media of ['workitem', 'email']) await post(`/workspace/v3/media/${media}/ready`, {}, cookie);
      if (reply?.clientId) await post('/workspace/v3/notifications/disconnect', [{ channel: '/meta/disconnect', clientId: reply.clientId, id: '2' }], cookie);
    },
    async workitem(agent: string, subject: string): Promise<void> {
      const r = await post('/sim/manage/workitem/create-workitem', { agent, fn: 'Ada', ln: 'Lovelace', email: 'ada@example.org', subject });
      if (!r.ok) throw new Error(`create-workitem: HTTP ${r.status}`);
    },
    async email(agent: string, subject: string): Promise<void> {
      const r = await post('/sim/manage/email/create-email', { agent, from: 'customer@example.org', to: 'support@example.org', subject, content: 'Hello' });
      if (!r.ok) throw new Error(`create-email: HTTP ${r.status}`);
    },
    /** The interactions of the agent's session, as the server holds them (current-session, de-duplicated). */
    async interactions(code: string): Promise<SimInteraction[]> {
      const r = await fetch(`${base}/workspace/v3/current-session`, { headers: { Cookie: `WWE_CODE=${code}` } });
      if (!r.ok) throw new Error(`current-session: HTTP ${r.status}`);
      const body = (await r.json()) as { data?: { user?: { activeSession?: { media?: { channels?: { interactions?: SimInteraction[] }[] } } } } };
      const byId = new Map<string, SimInteraction>();
      for (const channel of body.data?.user?.activeSession?.media?.channels ?? []) {
        for (const interaction of channel.interactions ?? []) byId.set(interaction.id, interaction);
      }
      return [...byId.values()];
    },
    /** Complete an interaction as another desktop of the agent would (straight to the server). */
    async complete(code: string, mediaType: string, id: string): Promise<void> {
      const r = await post(`/workspace/v3/media/${mediaType}/interactions/${id}/complete`, { operationId: 'e2e-elsewhere' }, { Cookie: `WWE_CODE=${code}` });
      if (!r.ok) throw new Error(`complete: HTTP ${r.status}`);
    },
  };
}
