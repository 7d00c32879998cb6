/**
 * How the e2e tests and the UI benchmark start Debian's Chromium. The networking switches matter here:
 * without them Chromium's background connections are refused by this machine's closed network, many at
 * a time, at every start.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.EVALLAB_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
