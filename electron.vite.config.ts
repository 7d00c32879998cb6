import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 is a native addon: it must stay external (it is listed under dependencies).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The Node host and (later) the CLI reuse the core in this one build, without Electron.
          host: resolve(root, 'electron/main/host/index.ts'),
          // The core alone, as built for users: what `npm run bench` measures.
          core: resolve(root, 'electron/main/core/index.ts'),
          // The `evallab` CLI (bin/evallab.mjs loads it): the same core in plain Node, no Electron.
          cli: resolve(root, 'electron/main/cli/index.ts'),
          // Code scorers run in this worker thread (core/scoring/code/worker-url.ts finds it beside core.js).
          'code-sandbox-worker': resolve(root, 'electron/main/core/scoring/code/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or require files: one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Monaco's editor chunk is ~3 MB minified and loads lazily, on the first editor shown.
      chunkSizeWarningLimit: 3500,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
})
