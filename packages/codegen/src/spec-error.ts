/** One problem found in a spec, located by file and JSON pointer (and line, where known). */
export interface SpecProblem {
  /** Path of the file the problem is in. */
  file: string;
  /** JSON pointer to the offending node, e.g. `/paths/~1v1~1opportunities/get/operationId`. */
  pointer: string;
  /** 1-based line, where the source could be mapped. */
  line?: number;
  /** 1-based column, where the source could be mapped. */
  column?: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** The rule that found it (a redocly rule id or one of ours). */
  rule: string;
}

/** Formats a problem as `file:line:col#pointer  message (rule)`, the form editors link. */
export function formatProblem(p: SpecProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where} at #${p.pointer || '/'}: ${p.message} [${p.rule}]`;
}

/** Thrown when a spec can't be generated from; carries every problem found. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const first = problems[0];
    const head = first ? formatProblem(first) : 'invalid spec';
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
    super(`${head}${more}`);
    this.name = 'SpecError';
    this.problems = problems;
  }
}
