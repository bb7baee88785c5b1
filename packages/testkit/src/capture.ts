/** A command's exit code and what it printed, one line per call of each printer. */
export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs a command in-process with printers that keep what it prints. */
export async function capture(
  run: (out: (m: string) => void, err: (m: string) => void) => number | Promise<number>,
): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    (m) => out.push(m),
    (m) => err.push(m),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
