import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          pool: 'forks',
          // Builds out/ when it is missing or stale: tests/unit/cli spawns the built bin/evallab.mjs.
          // Builds the template workspaces tests copy instead of migrating and seeding their own.
          globalSetup: ['tests/unit/cli/built-cli.setup.ts', 'tests/fixtures/workspace-template.setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
