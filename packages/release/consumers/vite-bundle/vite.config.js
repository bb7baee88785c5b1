import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    minify: true,
    lib: { entry: 'app.ts', formats: ['es'], fileName: 'app' },
  },
});
