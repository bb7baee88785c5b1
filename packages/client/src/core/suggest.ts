import { editDistance } from '@lightfield/codegen/edit-distance';
import { SUGGEST, type Suggesting } from '../internal/client-setup.js';
import type { ClientOptions } from './options.js';

/**
 * `options` with "did you mean" suggestions for misspelt option names (`timout` → `timeout`),
 * found by edit distance. The generated `Lightfield` passes its options through it; a
 * `LightfieldClient` leaves it out, so that an app that counts bytes does not bundle it, and its
 * errors list the known options instead (naming one that differs only in case).
 */
export function withSuggestions<T extends ClientOptions>(options?: T): T {
  const suggesting: T & Suggesting = { ...(options as T), [SUGGEST]: nearest };
  return suggesting;
}

/** The known option at most two edits away from `key`. */
function nearest(key: string, known: readonly string[]): string | undefined {
  return known.find((k) => editDistance(k, key) <= 2);
}
