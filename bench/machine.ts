import os from 'node:os';

export interface MachineInfo {
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  readonly loadAverage: number;
  /** The same when the run ended (set by `withEndLoad`). */
  readonly loadAverageAtEnd?: number;
}

function oneMinuteLoad(): number {
  return Number((os.loadavg()[0] ?? 0).toFixed(2));
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: oneMinuteLoad(),
  };
}

/** `machine` with the load average at the end of the run. */
export function withEndLoad(machine: MachineInfo): MachineInfo {
  return { ...machine, loadAverageAtEnd: oneMinuteLoad() };
}

export function machineLine(machine: MachineInfo): string {
  const load = machine.loadAverageAtEnd === undefined ? `${machine.loadAverage}` : `${machine.loadAverage} → ${machine.loadAverageAtEnd}`;
  return `${machine.os}; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; 1-min load average ${load}`;
}
