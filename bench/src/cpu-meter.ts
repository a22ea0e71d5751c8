import { cpuTimeMs } from './server-process.js';

/** CPU time in ms, user and kernel. */
export interface CpuTime {
  user: number;
  system: number;
}

/** Measures the CPU time some processes spend from `start()` until the returned `stop()`. */
export interface CpuMeter {
  start(): Promise<{ stop(): Promise<CpuTime> }>;
}

function cpuOf(pids: readonly number[]): Map<number, CpuTime> {
  const times = new Map<number, CpuTime>();
  for (const pid of pids) {
    const time = cpuTimeMs(pid);
    if (time !== null) times.set(pid, time);
  }
  return times;
}

/**
 * The CPU of the processes `pids()` names when asked: those named at the stop count from the
 * start (or from their own start, if they came later). One that exits in between is not counted.
 */
export function processesCpu(pids: () => Promise<readonly number[]>): CpuMeter {
  return {
    start: async () => {
      const before = cpuOf(await pids());
      return {
        stop: async () => {
          const spent = { user: 0, system: 0 };
          for (const [pid, after] of cpuOf(await pids())) {
            spent.user += after.user - (before.get(pid)?.user ?? 0);
            spent.system += after.system - (before.get(pid)?.system ?? 0);
          }
          return spent;
        },
      };
    },
  };
}

/** The CPU of one process, such as a server. */
export const processCpu = (pid: number): CpuMeter => processesCpu(async () => [pid]);

export const totalMs = ({ user, system }: CpuTime): number => user + system;
