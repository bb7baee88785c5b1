import type { Logger, LogLevel } from '../core/logger.js';

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Whether a string names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in RANK;
}

/** A logger that drops what is below `level`. */
export function levelLogger(logger: Logger, level: LogLevel): Logger {
  const noop = () => {};
  const at = (l: Exclude<LogLevel, 'off'>) =>
    RANK[level] >= RANK[l] ? logger[l].bind(logger) : noop;
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
