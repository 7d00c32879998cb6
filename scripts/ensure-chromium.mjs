// The e2e tests drive Debian's Chromium (Playwright's own browser download cannot run here).
// Installs it when missing and this is a Debian machine we may administer; otherwise says what to do.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.EVALLAB_CHROMIUM ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0
if (!canApt) {
  console.error(
    `Chromium not found at ${path}. Install it (Debian: apt-get install chromium) or set EVALLAB_CHROMIUM.`,
  )
  process.exit(1)
}
console.log('Installing Debian chromium for the e2e tests…')
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
  stdio: 'inherit',
})
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`)
  process.exit(1)
}
