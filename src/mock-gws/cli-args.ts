import type { MockDialectName } from './wire';

export const USAGE = `Usage: npm run mock-gws -- [options]

  --port <n>             port on 127.0.0.1 (default 8090; 0 = any free port)
  --dialect <v2|v3>      GWS v2 (/api/v2, default) or the Workspace API v3 (/workspace/v3)
  --data <file>          JSON array of interactions replacing the built-in data set
  --allow-origin <url>   allow this origin cross-origin with credentials (repeatable, or comma-separated)
  --outcome-delay <ms>   delay between a REST answer and its outcome notification (default 50)
  --basic <user:pass>    require credentials for a new session (v2: HTTP Basic; v3: POST /auth/v3/sign-in)
  --api-key <key>        require x-api-key: <key> on every request in a session (else 403)
  --refuse-wildcard      refuse CometD subscriptions to wildcard channels (only exact ones)
  --lean-status-changes  v2: StatusChanges past the offer carry no user data or received date (as GWS's sample)
  --help                 show this text`;

export interface CliArgs {
  readonly port: number;
  readonly dialect: MockDialectName;
  readonly dataFile: string | undefined;
  readonly allowedOrigins: string[];
  readonly outcomeDelayMs: number;
  readonly basicAuth: { user: string; password: string } | undefined;
  readonly apiKey: string | undefined;
  readonly refuseWildcardSubscriptions: boolean;
  readonly leanStatusChanges: boolean;
}

export type CliParse = { ok: true; help: false; args: CliArgs } | { ok: true; help: true } | { ok: false; error: string };

function integerIn(text: string | undefined, flag: string, min: number, max: number): number | string {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    return `${flag} needs an integer from ${min} to ${max}`;
  }
  return n;
}

/** Reads the CLI flags (`--flag value` or `--flag=value`). */
export function parseCliArgs(argv: readonly string[]): CliParse {
  let port = 8090;
  let dialect: MockDialectName = 'gws-v2';
  let dataFile: string | undefined;
  const allowedOrigins: string[] = [];
  let outcomeDelayMs = 50;
  let basicAuth: CliArgs['basicAuth'];
  let apiKey: string | undefined;
  let refuseWildcardSubscriptions = false;
  let leanStatusChanges = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => {
      if (eq > 0) return arg.slice(eq + 1);
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--port': {
        const v = integerIn(takeValue(), '--port', 0, 65535);
        if (typeof v === 'string') return { ok: false, error: v };
        port = v;
        break;
      }
      case '--dialect': {
        const v = takeValue()?.trim().toLowerCase();
        if (v === 'v2' || v === 'gws-v2') dialect = 'gws-v2';
        else if (v === 'v3' || v === 'workspace-v3') dialect = 'workspace-v3';
        else return { ok: false, error: '--dialect needs v2 (gws-v2) or v3 (workspace-v3)' };
        break;
      }
      case '--outcome-delay': {
        const v = integerIn(takeValue(), '--outcome-delay', 0, 600_000);
        if (typeof v === 'string') return { ok: false, error: v };
        outcomeDelayMs = v;
        break;
      }
      case '--data': {
        const v = takeValue();
        if (!v) return { ok: false, error: '--data needs a file name' };
        dataFile = v;
        break;
      }
      case '--allow-origin': {
        const v = takeValue();
        if (!v) return { ok: false, error: '--allow-origin needs an origin such as http://127.0.0.1:5173' };
        for (const origin of v.split(',').map((o) => o.trim()).filter((o) => o !== '')) {
          if (!/^https?:\/\/[^/\s]+$/.test(origin)) return { ok: false, error: `--allow-origin: "${origin}" is not an origin (scheme://host[:port])` };
          allowedOrigins.push(origin);
        }
        break;
      }
      case '--basic': {
        const v = takeValue() ?? '';
        const colon = v.indexOf(':');
        if (colon <= 0) return { ok: false, error: '--basic needs user:password' };
        basicAuth = { user: v.slice(0, colon), password: v.slice(colon + 1) };
        break;
      }
      case '--api-key': {
        const v = takeValue()?.trim();
        if (!v) return { ok: false, error: '--api-key needs a key' };
        apiKey = v;
        break;
      }
      case '--refuse-wildcard':
        if (eq > 0) return { ok: false, error: '--refuse-wildcard takes no value' };
        refuseWildcardSubscriptions = true;
        break;
      case '--lean-status-changes':
        if (eq > 0) return { ok: false, error: '--lean-status-changes takes no value' };
        leanStatusChanges = true;
        break;
      default:
        return { ok: false, error: `unknown option ${arg}` };
    }
  }
  return { ok: true, help: false, args: { port, dialect, dataFile, allowedOrigins, outcomeDelayMs, basicAuth, apiKey, refuseWildcardSubscriptions, leanStatusChanges } };
}
