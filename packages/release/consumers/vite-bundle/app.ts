import { Lightfield } from '@lightfield/client';
import { scenario } from './scenario.js';

/** The app's entry: runs the scenario against `baseUrl`. */
export function run(baseUrl: string): Promise<string[]> {
  return scenario(new Lightfield({ apiKey: 'consumer', baseUrl, logLevel: 'off' }));
}
