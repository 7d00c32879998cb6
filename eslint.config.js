import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The layering of ../shared/ARCHITECTURE.md: who may import what. */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util']
const restrict = (patterns) => ['error', { patterns }]
const group = (list, message) => ({ group: list, message })

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
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
    files: ['electron/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        group(
          ['electron'],
          'The core is plain Node: it runs in the host, the CLI and tests without Electron.',
        ),
        group(['**/renderer/**', 'react', 'react-dom'], 'The core never imports the renderer.'),
      ]),
    },
  },
  {
    files: ['electron/main/*.ts', 'electron/main/host/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        group(['**/renderer/**', 'react', 'react-dom'], 'Main never imports the renderer.'),
      ]),
    },
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
