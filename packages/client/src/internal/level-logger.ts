import type { Logger, LogLevel } from '../core/logger.js';

/** The levels, least verbose first. */
const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Whether a value names a log level (an own one: `toString` is none). */
export function isLogLevel(value: unknown): value is LogLevel {
  return LEVELS.includes(value as LogLevel);
}

/** A logger that drops what is below `level`. */
export function levelLogger(logger: Logger, level: LogLevel): Logger {
  const rank = LEVELS.indexOf(level);
  const noop = () => {};
  // `error` is the first level after `off`: each logs when `level` is at or past it.
  return Object.fromEntries(
    LEVELS.slice(1).map((l, i) => [l, i < rank ? logger[l as keyof Logger].bind(logger) : noop]),
  ) as unknown as Logger;
}
