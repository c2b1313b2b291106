import { defineConfig } from 'vitest/config'

// The browser test of the BUILT package (headless Chromium): needs `npm run build` first.
// Run: `npx vitest run --config vitest.browser.config.ts` (CI: .ci/browser.sh).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
