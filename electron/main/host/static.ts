import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { contentSecurityPolicy } from './security'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** Serves the built renderer. Paths are confined to `root`; unknown routes fall back to index.html. */
export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const file = resolveInside(root, pathname) ?? join(root, 'index.html')
  const target = isFile(file) ? file : join(root, 'index.html')
  if (!isFile(target)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(`The renderer has not been built (${target} is missing). Run npm run build.`)
    return
  }
  const isHtml = target.endsWith('.html')
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(target)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
    ...(isHtml ? { 'Content-Security-Policy': contentSecurityPolicy, 'X-Frame-Options': 'DENY' } : {}),
  })
  createReadStream(target).pipe(res)
}

function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = normalize(join(root, decoded))
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep) ? candidate : null
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
