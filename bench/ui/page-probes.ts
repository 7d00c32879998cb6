/**
 * What the UI benchmark measures inside the page: long tasks (a PerformanceObserver installed before any
 * script of the app runs), a fast flick through the results grid timed frame by frame with
 * requestAnimationFrame, and the renderer's JS heap through the Chrome DevTools Protocol. The in-page code is
 * sent as source text: it runs in the browser, not in this Node process.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test'

/** Installed with addInitScript: every long task (> 50 ms on the main thread) since the page started. */
export const longTaskObserverScript = `
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__benchLongTasksUnsupported = String(error);
  }
`

export interface LongTasks {
  count: number
  worstMs: number
}

/** The page's clock, to mark where a measured stretch begins. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate<number>('performance.now()')
}

/**
 * Long tasks that began at or after `since` (page clock). The observer reports a task after it ended, so
 * this first lets two frames pass for the last one to be delivered.
 */
export async function longTasksSince(page: Page, since: number): Promise<LongTasks> {
  const tasks = await page.evaluate<[number, number][]>(`new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__benchLongTasks ?? []), 0))))`)
  const after = tasks.filter(([start]) => start >= since).map(([, duration]) => duration)
  return { count: after.length, worstMs: Math.round(Math.max(0, ...after)) }
}

export interface FlickFigures {
  frames: number
  p95Ms: number
  maxMs: number
  /** Frames in which at least one row still showed its "Loading…" placeholder. */
  loadingFrames: number
  rowsPerSecond: number
}

/**
 * Scrolls the results grid by `pixelsPerFrame` every frame for `durationMs` (down, bouncing at the ends),
 * recording the time between frames and whether any placeholder row was on screen.
 */
export async function flickResults(
  page: Page,
  pixelsPerFrame: number,
  durationMs: number,
): Promise<FlickFigures> {
  const measured = await page.evaluate<{
    deltas: number[]
    loadingFrames: number
    travelled: number
  }>(`(async () => {
    const grid = document.querySelector('[data-testid="results-grid"]');
    const bottom = grid.scrollHeight - grid.clientHeight;
    const deltas = [];
    let loadingFrames = 0, direction = 1, travelled = 0, last = 0;
    await new Promise((resolve) => {
      let end = 0;
      const tick = (now) => {
        if (last) deltas.push(now - last);
        else end = now + ${durationMs};
        last = now;
        if (document.querySelector('[data-testid="result-row-loading"]')) loadingFrames++;
        if (now >= end) return resolve();
        let next = grid.scrollTop + direction * ${pixelsPerFrame};
        if (next >= bottom) { next = bottom; direction = -1; }
        else if (next <= 0) { next = 0; direction = 1; }
        travelled += Math.abs(next - grid.scrollTop);
        grid.scrollTop = next;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { deltas, loadingFrames, travelled };
  })()`)
  const sorted = [...measured.deltas].sort((a, b) => a - b)
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0
  return {
    frames: sorted.length,
    p95Ms: Number(p95.toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
    loadingFrames: measured.loadingFrames,
    rowsPerSecond: Math.round(measured.travelled / 30 / (durationMs / 1000)),
  }
}

/** The renderer's JS heap in use (CDP Performance.getMetrics JSHeapUsedSize), sampled on demand; keeps the peak. */
export async function heapSampler(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  let peakMb = 0
  return {
    async sample(): Promise<number> {
      const { metrics } = await cdp.send('Performance.getMetrics')
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
      const mb = Math.round((used / 1024 / 1024) * 10) / 10
      peakMb = Math.max(peakMb, mb)
      return mb
    },
    get peakMb() {
      return peakMb
    },
  }
}
