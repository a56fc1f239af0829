import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('has defaults', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      help: false,
      args: { port: 8090, dialect: 'gws-v2', dataFile: undefined, allowedOrigins: [], outcomeDelayMs: 50, basicAuth: undefined, apiKey: undefined, refuseWildcardSubscriptions: false, leanStatusChanges: false },
    });
  });

  it('reads every flag, with spaces or =', () => {
    const parsed = parseCliArgs([
      '--port', '0', '--data=/tmp/d.json', '--allow-origin', 'http://127.0.0.1:5173,http://localhost:5173',
      '--allow-origin=https://x.test', '--outcome-delay', '0', '--basic', 'agent:pa:ss', '--dialect', 'v3',
      '--api-key=k-1', '--refuse-wildcard', '--lean-status-changes',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      args: {
        port: 0,
        dialect: 'workspace-v3',
        dataFile: '/tmp/d.json',
        allowedOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173', 'https://x.test'],
        outcomeDelayMs: 0,
        basicAuth: { user: 'agent', password: 'pa:ss' },
        apiKey: 'k-1',
        refuseWildcardSubscriptions: true,
        leanStatusChanges: true,
      },
    });
  });

  it.each([
    [['--port', 'x'], /--port needs an integer/],
    [['--port', '70000'], /--port/],
    [['--port'], /--port/],
    [['--outcome-delay', '-1'], /--outcome-delay/],
    [['--data'], /--data needs a file/],
    [['--allow-origin', 'http://a/b'], /not an origin/],
    [['--basic', 'nocolon'], /user:password/],
    [['--verbose'], /unknown option --verbose/],
    [['--dialect', 'v4'], /--dialect needs v2/],
    [['--dialect'], /--dialect needs v2/],
    [['--api-key'], /--api-key needs a key/],
    [['--api-key', ' '], /--api-key needs a key/],
    [['--refuse-wildcard=yes'], /takes no value/],
    [['--lean-status-changes=1'], /takes no value/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok ? 'accepted' : parsed.error).toMatch(message);
  });

  it('reads both spellings of each dialect', () => {
    const dialectOf = (value: string) => {
      const parsed = parseCliArgs(['--dialect', value]);
      return parsed.ok && !parsed.help ? parsed.args.dialect : parsed;
    };
    expect([dialectOf('v2'), dialectOf('gws-v2'), dialectOf('V3'), dialectOf('workspace-v3')]).toEqual(['gws-v2', 'gws-v2', 'workspace-v3', 'workspace-v3']);
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--port', '1', '--help'])).toEqual({ ok: true, help: true });
  });
});
