import { AppPage } from './pages/app-page'
import { PromptsPage } from './pages/prompts-page'
import { startHostProcess, type HostProcess } from './host-process'
import { expect, test } from './fixtures'

/** What another Eval Lab (a second host, the CLI) writes to the workspace: a prompt, over the API. */
async function createPromptThrough(other: HostProcess, name: string): Promise<void> {
  const url = new URL(other.url)
  const response = await fetch(new URL('/rpc', url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${url.searchParams.get('token') ?? ''}`,
    },
    body: JSON.stringify({
      method: 'prompts.create',
      input: {
        name,
        messages: [{ role: 'user', content: 'Classify: {{subject}}' }],
        model: { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' },
        message: 'written while the first host was down',
      },
    }),
  })
  const body = (await response.json()) as { ok: boolean }
  expect(body.ok).toBe(true)
}

test('says it is disconnected while the host is down, and comes back by itself with fresh data', async ({
  page,
  host,
}) => {
  const app = new AppPage(page)
  const prompts = new PromptsPage(page)
  await app.open(host.url)
  await app.waitReady()
  await expect(prompts.promptItem('Ticket triage')).toBeVisible()
  await expect(app.connectionBanner).toHaveCount(0)

  await host.halt()
  await expect(app.connectionBanner).toContainText('Disconnected — reconnecting…')

  // While this page hears nothing, the workspace changes: it missed that event.
  const other = await startHostProcess({ home: host.home })
  try {
    await createPromptThrough(other, 'Refund answer')
  } finally {
    await other.stop()
  }
  await expect(prompts.promptItem('Refund answer')).toHaveCount(0)

  await host.restart()
  await expect(app.connectionBanner).toHaveCount(0)
  await expect(prompts.promptItem('Refund answer')).toBeVisible()
  await expect(prompts.promptItem('Ticket triage')).toBeVisible()
})
