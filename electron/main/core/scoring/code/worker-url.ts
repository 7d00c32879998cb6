import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * Where the worker's code is. Built (out/main/core.js), it is the `code-sandbox-worker.js` entry beside the
 * core; from source (tests, tsx) it is worker.ts, loaded through tsx's loader, registered in the worker.
 */
export function workerEntry(): URL {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return unpackedFromAsar(new URL('./code-sandbox-worker.js', here))
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
  const boot = [
    `const { register } = await import(${JSON.stringify(tsx)})`,
    'register()',
    `await import(${JSON.stringify(new URL('./worker.ts', here).href)})`,
  ].join('\n')
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`)
}

/**
 * In a packaged desktop app core.js sits inside resources/app.asar, an archive a worker thread cannot be
 * relied on to start from. The worker, its chunk and the packages it imports are unpacked beside it
 * (package.json "build".asarUnpack, checked by tests/unit/packaging/builder-config.test.ts), so the worker
 * starts from the real file in app.asar.unpacked. Any other location is returned unchanged.
 */
export function unpackedFromAsar(url: URL): URL {
  if (url.protocol !== 'file:') return url
  return new URL(url.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'))
}
