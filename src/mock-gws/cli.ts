import { parseCliArgs, USAGE } from './cli-args';
import { readDataFile } from './initial-data';
import { dialectApi } from './handler';
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
  const api = dialectApi({ dialect: args.dialect });
  const mock = await createMockGws({
    port: args.port,
    dialect: args.dialect,
    outcomeDelayMs: args.outcomeDelayMs,
    allowedOrigins: args.allowedOrigins,
    ...(args.basicAuth ? { basicAuth: args.basicAuth } : {}),
    ...(args.apiKey ? { apiKey: args.apiKey } : {}),
    refuseWildcardSubscriptions: args.refuseWildcardSubscriptions,
    leanStatusChanges: args.leanStatusChanges,
    ...(args.dataFile ? { initialData: await readDataFile(args.dataFile, api.wire) } : {}),
  });
  const v3 = args.dialect === 'workspace-v3';
  process.stdout.write(
    `Mock GWS (${v3 ? 'Workspace API v3' : 'GWS v2'}) listening on ${mock.url}\n` +
      (v3
        ? `  REST     ${mock.url}/workspace/v3/current-session (sign-in: POST /auth/v3/sign-in)\n` +
          `  CometD   ${mock.url}${api.wire.notificationsPath} (channels /workspace/v3/media/*)\n`
        : `  REST     ${mock.url}/api/v2/me\n` + `  CometD   ${mock.url}${api.wire.notificationsPath} (channel /v2/me/openmedia)\n`) +
      `  control  ${mock.url}${api.controlPrefix}state\n` +
      (args.allowedOrigins.length ? `  CORS     ${args.allowedOrigins.join(', ')}\n` : '') +
      (args.basicAuth ? `  Basic auth required for user ${args.basicAuth.user}\n` : '') +
      (args.apiKey ? '  x-api-key required on every request\n' : '') +
      (args.refuseWildcardSubscriptions ? '  CometD wildcard subscriptions refused: exact channels only\n' : '') +
      (args.leanStatusChanges ? '  StatusChanges past the offer in the lean form (no user data, no received date)\n' : ''),
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
