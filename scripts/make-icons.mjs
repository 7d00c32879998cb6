#!/usr/bin/env node
/**
 * Renders resources/icons/icon.png (1024 × 1024) from resources/icons/icon.svg with Chromium.
 *
 * electron-builder derives the macOS .icns, the Windows .ico and the Linux icon sizes from that one PNG, so
 * the PNG is committed: packaging never needs a browser. Run this after editing the SVG:
 *
 *   node scripts/make-icons.mjs            (uses /usr/bin/chromium, or CHROMIUM_PATH)
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'

const SIZE = 1024
const iconsDir = resolve(import.meta.dirname, '..', 'resources', 'icons')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const svg = readFileSync(join(iconsDir, 'icon.svg'), 'utf8')
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
  // The SVG is inlined, so the page loads nothing from anywhere.
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${SIZE}px;height:${SIZE}px" `)}</body></html>`,
  )
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } })
  const target = join(iconsDir, 'icon.png')
  // Write then rename, so an interrupted run never leaves a half-written icon for the packager.
  writeFileSync(`${target}.partial`, png)
  renameSync(`${target}.partial`, target)
  console.log(`wrote ${target} (${SIZE} × ${SIZE}, ${png.length} bytes)`)
} finally {
  await browser.close()
}
