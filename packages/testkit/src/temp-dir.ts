import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder under the system's temp folder, its name starting with `prefix`. */
export function tempDir(prefix = 'lightfield-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
