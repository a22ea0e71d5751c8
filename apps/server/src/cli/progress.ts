import { type Options, Presets, SingleBar } from 'cli-progress';
import { count } from './count.js';

/** How far long work has got: `done` units, with the figures its report names beside them. */
export interface ProgressReporter {
  update(done: number, figures: Record<string, number>): void;
  /** Ends the report (a bar shows its final state and gives the line back). */
  stop(): void;
}

export interface ProgressOptions {
  /** Where progress goes (standard error: standard output carries the command's result). */
  stream: NodeJS.WriteStream;
  /** Units to do, when known; for a plain report it may be left out. */
  total?: number;
  /** What the units are: `companies`, `rows`. */
  unit: string;
  /** The bar's words after its count, with `{name}` for a figure, e.g. `{people} people`. */
  barDetail: string;
  /** A plain report's line. */
  line: (done: number, figures: Record<string, number>) => string;
}

/** A terminal gets a bar that redraws in place; a pipe or a file gets lines. */
export const isTerminal = (stream: NodeJS.WriteStream) => stream.isTTY === true;

/** A progress bar with rate and ETA on a terminal, plain lines elsewhere. */
export function progressReporter(options: ProgressOptions): ProgressReporter {
  return isTerminal(options.stream) && options.total !== undefined
    ? progressBar({ ...options, total: options.total })
    : progressLines(options);
}

/** The first update, then at most one line a second: a log stays short on long runs. */
function progressLines({ stream, line }: ProgressOptions): ProgressReporter {
  let last: number | undefined;
  return {
    update(done, figures) {
      const now = performance.now();
      if (last !== undefined && now - last < 1_000) return;
      last = now;
      stream.write(`${line(done, figures)}\n`);
    },
    stop() {},
  };
}

function progressBar(options: ProgressOptions & { total: number }): ProgressReporter {
  const { stream, total, unit, barDetail } = options;
  const started = performance.now();
  const formatted = (figures: Record<string, number>) =>
    Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, count(value)]));
  const barOptions: Options = {
    stream,
    format: `  {bar} {percentage}% | {value}/{total} ${unit}, ${barDetail} | {rate} ${unit}/s | ETA {eta_formatted}`,
    formatValue: (value, _options, type) =>
      type === 'value' || type === 'total' ? count(Number(value)) : String(value),
    etaBuffer: 20,
  };
  const bar = new SingleBar(barOptions, Presets.shades_classic);
  let last = 0;
  let running = false;
  return {
    update(done, figures) {
      const elapsedSeconds = Math.max((performance.now() - started) / 1_000, 0.001);
      const payload = { ...formatted(figures), rate: count(Math.round(done / elapsedSeconds)) };
      last = done;
      if (!running) {
        running = true;
        bar.start(Math.max(total, done), done, payload);
      } else {
        if (done > bar.getTotal()) bar.setTotal(done);
        bar.update(done, payload);
      }
    },
    stop() {
      if (!running) return;
      // An estimated total (the lines of a file) gives way to what was done.
      bar.setTotal(last);
      bar.stop();
    },
  };
}
