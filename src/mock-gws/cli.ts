import { parseCliArgs, USAGE } from './cli-args';
import { readDataFile } from './initial-data';
import { createMockGws } from './server';

/** `npm run mock-gws -- --port 8090 …`: the mock on its own port, until Ctrl-C. */
async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`mock-gws: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { args } = parsed;
  const mock = await createMockGws({
    port: args.port,
    outcomeDelayMs: args.outcomeDelayMs,
    allowedOrigins: args.allowedOrigins,
    ...(args.basicAuth ? { basicAuth: args.basicAuth } : {}),
    ...(args.dataFile ? { initialData: await readDataFile(args.dataFile) } : {}),
  });
  process.stdout.write(
    `Mock GWS listening on ${mock.url}\n` +
      `  REST     ${mock.url}/api/v2/me\n` +
      `  CometD   ${mock.url}/api/v2/notifications (channel /v2/me/openmedia)\n` +
      `  control  ${mock.url}/mock/state\n` +
      (args.allowedOrigins.length ? `  CORS     ${args.allowedOrigins.join(', ')}\n` : '') +
      (args.basicAuth ? `  Basic auth required for user ${args.basicAuth.user}\n` : ''),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mock-gws: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
