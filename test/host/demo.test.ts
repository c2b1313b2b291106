import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run demo', () => {
  it('issues, signs, bakes, serves on 127.0.0.1, verifies every badge as expected, and exits by itself', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(out).toMatch(/Badge host on http:\/\/127\.0\.0\.1:\d+\//)
    expect(out.match(/✓/g)).toHaveLength(6)
    expect(out).not.toContain('✗')
    expect(out).toContain('revoked hosted URL     NOT VALID (revoked)')
    expect(code).toBe(0)
  }, 60_000)
})
