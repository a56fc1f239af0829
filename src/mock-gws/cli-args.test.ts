import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('has defaults', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      help: false,
      args: { port: 8090, dataFile: undefined, allowedOrigins: [], outcomeDelayMs: 50, basicAuth: undefined },
    });
  });

  it('reads every flag, with spaces or =', () => {
    const parsed = parseCliArgs([
      '--port', '0', '--data=/tmp/d.json', '--allow-origin', 'http://127.0.0.1:5173,http://localhost:5173',
      '--allow-origin=https://x.test', '--outcome-delay', '0', '--basic', 'agent:pa:ss',
    ]);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      args: {
        port: 0,
        dataFile: '/tmp/d.json',
        allowedOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173', 'https://x.test'],
        outcomeDelayMs: 0,
        basicAuth: { user: 'agent', password: 'pa:ss' },
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
  ])('refuses %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok ? 'accepted' : parsed.error).toMatch(message);
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--port', '1', '--help'])).toEqual({ ok: true, help: true });
  });
});
