import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * Where the worker's code is. Built (out/main/core.js), it is the `code-sandbox-worker.js` entry beside the
 * core; from source (tests, tsx) it is worker.ts, loaded through tsx's loader, registered in the worker.
 */
export function workerEntry(): URL {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new URL('./code-sandbox-worker.js', here)
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
  const boot = [
    `const { register } = await import(${JSON.stringify(tsx)})`,
    'register()',
    `await import(${JSON.stringify(new URL('./worker.ts', here).href)})`,
  ].join('\n')
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`)
}
