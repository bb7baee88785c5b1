import { existsSync } from 'node:fs';

// The browser tests drive Debian's Chromium through playwright-core, headless and offline.

/** The flags every browser test launches Chromium with; playwright adds a fresh --user-data-dir. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary (`CHROMIUM_PATH`, else Debian's); throws how to install it when missing. */
export function chromiumPath(): string {
  const file = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(file))
    throw new Error(
      `No Chromium at ${file}: run \`bash scripts/install-chromium.sh\` as root, or set CHROMIUM_PATH`,
    );
  return file;
}
