import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end journeys against the real built app: the compiled BFF (apps/bff/dist, built by the
 * webServer command) in production mode serves the built console (apps/console/dist, build it first)
 * on a fresh embedded database seeded with demo data.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // The production build (issue 19): bundle the BFF (under a second), then run dist/server.js on the
    // project's Node LTS (node_modules/.bin/node when run through pnpm), exec'd so signals reach it.
    command: `cd ../apps/bff && node build.mjs && NODE_ENV=production PORT=${PORT} DATA_DIR=$(mktemp -d) exec "$(node -p process.execPath)" --enable-source-maps dist/server.js`,
    url: `http://localhost:${PORT}/api/v1/openapi.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
