import { describe, expect, it } from 'vitest'
import { quickstart } from '../../examples/quickstart.js'

describe('README quick start (examples/quickstart.ts)', () => {
  it('issues, signs, bakes and verifies a micro-credential offline', async () => {
    const result = await quickstart()
    expect(result.valid).toBe(true)
    expect(result.codes).toContain('SIGNED_VERIFIED')
    expect(result.codes).toContain('RECIPIENT_MATCHED')
  })
})
