import { makeOpportunity } from '@lightfield/fixtures';

/** One entity from a generated factory, the same on every call. */
export function makeEntity(): { id: string } {
  return makeOpportunity({}, { seed: 1 });
}
