// The client generated from the test specs' widget.yaml with a second resource, `gadget`, copied
// from `widget` (test/generated/two-resources): client.gadget.* is typed by the new schemas.
// Checked by the package's tsc (`pnpm typecheck`), never run.
import type { Gadget } from './generated/two-resources/types/src/index.js';
import { Lightfield } from './generated/two-resources/client/src/generated/client.js';
const client = new Lightfield({ apiKey: 'k' });
export const a: Promise<Gadget> = client.gadget.retrieve('gad_1').then((x) => x);
void client.gadget.create({
  fields: { $name: 'A', $stage: 'Draft' },
  relationships: { $team: 'team_1' },
});
// @ts-expect-error $name is required on gadget.create too
void client.gadget.create({ fields: { $stage: 'Draft' }, relationships: { $team: 'team_1' } });
void client.gadget.list({ limit: 5, filter: { $name: { startsWith: 'A' } } });
void client.widget.definitions();
