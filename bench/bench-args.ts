export interface BenchArgs {
  readonly quick: boolean;
  /** Run the Redux Toolkit baseline over the whole stream, not a time-boxed part (≈20 minutes). */
  readonly fullBaseline: boolean;
  /** Benchmark numbers to run (all when empty). */
  readonly only: ReadonlySet<string>;
}

const USAGE = 'usage: npm run bench [-- --quick] [--full-baseline] [--only=1,1b,2,3,3b,4,5,6]';

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let fullBaseline = false;
  const only = new Set<string>();
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--full-baseline') fullBaseline = true;
    else if (arg.startsWith('--only=')) for (const id of arg.slice('--only='.length).split(',')) only.add(id.trim());
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { quick, fullBaseline, only };
}
