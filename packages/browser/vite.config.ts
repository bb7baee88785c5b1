import { defineConfig } from 'vite';

// The page under test: index.html and src/. The test builds it into a temp folder and serves that
// with `vite preview`, beside msw's worker script.
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    // The msw chunk carries the whole spec document and faker: expected for a test page.
    chunkSizeWarningLimit: 1024,
  },
});
