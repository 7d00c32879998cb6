/** A provider refused its key: every later call would fail too, so the run stops (see callOne). */
export class KeyRefusedError extends Error {
  constructor(provider: string, message: string | null) {
    const said = message ? ` (${message})` : ''
    super(
      `Provider "${provider}" refused the API key${said}. Nothing more was sent to it: fix the key, then resume the run.`,
    )
    this.name = 'KeyRefusedError'
  }
}
