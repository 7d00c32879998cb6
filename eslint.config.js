import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The layering of ../shared/ARCHITECTURE.md: who may import what. */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util']
const restrict = (patterns) => ['error', { patterns }]
const group = (list, message) => ({ group: list, message })
const core = 'electron/main/core'

const noElectron = group(
  ['electron'],
  'The core, the host and the CLI are plain Node: they run without Electron (only electron/main/*.ts may).',
)
const noRenderer = group(['**/renderer/**', 'react', 'react-dom'], 'Main never imports the renderer.')

/** Inside the core the floors run one way: api/ → domain folders → llm/ and db/repos/ → db/. */
const noApi = {
  regex: '^(\\.\\./)+api(/|$)',
  message:
    'A domain module never imports core/api/ (the layer above it): it receives a CoreContext (core/context.ts).',
}

/** Only workspace/ opens the database; everything else gets repos and ctx.transaction from CoreContext. */
const noRawDb = [
  group(['better-sqlite3'], 'A domain module never opens the database: it calls repos (ctx.repos).'),
  {
    regex: '^(\\.\\./)+db/connection$',
    message: 'A domain module receives repos and ctx.transaction (core/context.ts), never the raw database.',
  },
]

/**
 * A floor of the core: a file `i` folders below core/<folder>/ climbs `i + 1` levels to reach core/, so
 * there it may name only the folders (and root modules) in `reach`; climbing one level more leaves the core.
 * Relative specifiers carry no depth of their own, hence one entry per depth.
 */
function floor(folder, reach, message, depths = 3) {
  return Array.from({ length: depths }, (_, i) => {
    const ups = `(\\.\\./){${i + 1}}`
    return {
      files: [`${core}/${folder}/${'*/'.repeat(i)}*.ts`],
      rules: {
        'no-restricted-imports': restrict([
          noElectron,
          noRenderer,
          { regex: `^${ups}(?!(${[folder, ...reach].join('|')})(/|$))[^./]`, message },
          {
            regex: `^${ups}\\.\\./[^./]`,
            message: `core/${folder}/ never imports electron/main outside the core.`,
          },
        ]),
      },
    }
  })
}

/** Only core/db/ runs SQL: a `.prepare(` (or a pragma) anywhere else is a layering bug. */
const sqlOutsideDb = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|pragma)$/]",
  message: 'All SQL lives in electron/main/core/db/ (repos/): call a repo, and ctx.transaction for a write.',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        group(['electron', ...nodeBuiltins], 'shared/ runs in both processes: no Electron or Node APIs.'),
        group(
          ['react', 'react-dom', '**/renderer/**', '**/electron/**'],
          'shared/ must not depend on either side.',
        ),
      ]),
    },
  },
  {
    files: [`${core}/**/*.ts`],
    rules: { 'no-restricted-imports': restrict([noElectron, noRenderer]) },
  },
  {
    files: [`${core}/*/**/*.ts`],
    ignores: [`${core}/api/**`, `${core}/db/**`, `${core}/llm/**`, `${core}/workspace/**`],
    rules: { 'no-restricted-imports': restrict([noElectron, noRenderer, noApi, ...noRawDb]) },
  },
  {
    files: [`${core}/workspace/**/*.ts`],
    rules: { 'no-restricted-imports': restrict([noElectron, noRenderer, noApi]) },
  },
  ...floor('db', [], 'core/db/ is the floor: its repos import no domain module, no llm/ and no api/.'),
  ...floor(
    'llm',
    ['db', 'secrets', 'ids', 'events'],
    'core/llm/ sits below the domains: it may import db/ (repos) and secrets/, never a domain module or api/.',
  ),
  {
    files: ['electron/main/host/**/*.ts', 'electron/main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([noElectron, noRenderer]) },
  },
  {
    files: ['electron/main/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([noRenderer]) },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: [`${core}/db/**`],
    rules: { 'no-restricted-syntax': ['error', sqlOutsideDb] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        group(
          ['electron', ...nodeBuiltins],
          'The renderer is a sandboxed web page: no Electron or Node APIs.',
        ),
        group(['**/electron/**'], 'The renderer reaches the core only through the contract in shared/.'),
      ]),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
