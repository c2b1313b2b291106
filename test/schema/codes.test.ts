import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classSchemas, SCHEMA_CODES } from '../../src/schema/index.js'
import { CHECK_CODES } from '../../src/schema/codes.js'
import { CLASS_PREFIX, snake } from '../../src/schema/problems.js'

const SHAPE_OF: Record<string, keyof typeof CLASS_PREFIX> = {
  Assertion: 'Assertion',
  RevokedAssertion: 'RevokedAssertion',
  BadgeClass: 'BadgeClass',
  Profile: 'IssuerProfile',
  ProfileNonIssuer: 'Profile',
  IdentityObject: 'IdentityObject',
  VerificationObject: 'VerificationObject',
  ProfileVerification: 'ProfileVerification',
  CryptographicKey: 'CryptographicKey',
  RevocationList: 'RevocationList',
  Criteria: 'Criteria',
  Evidence: 'Evidence',
  AlignmentObject: 'AlignmentObject',
  Image: 'Image',
  Endorsement: 'Endorsement',
  RevokedEndorsement: 'RevokedEndorsement',
  Extension: 'Extension',
}

function derive(prefix: string[], schema: Record<string, unknown>, out: Set<string>): void {
  for (const r of (schema.required as string[] | undefined) ?? []) out.add([...prefix, snake(r), 'REQUIRED'].join('_'))
  for (const [k, v] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {})) {
    out.add([...prefix, snake(k), 'INVALID'].join('_'))
    if (v.properties) derive([...prefix, snake(k)], v, out)
  }
}

describe('SCHEMA_CODES', () => {
  it('is exactly the codes the schemas can produce plus the check codes', () => {
    const derived = new Set<string>(Object.keys(CHECK_CODES))
    for (const [name, schema] of Object.entries(classSchemas)) derive([CLASS_PREFIX[SHAPE_OF[name] as keyof typeof CLASS_PREFIX]], schema, derived)
    expect([...SCHEMA_CODES].sort()).toEqual([...derived].sort())
    expect(new Set(SCHEMA_CODES).size).toBe(SCHEMA_CODES.length)
  })

  const doc = new URL('../../docs/schema.md', import.meta.url)
  it.skipIf(!existsSync(doc))('every code is documented in docs/schema.md', () => {
    const text = readFileSync(doc, 'utf8')
    expect(SCHEMA_CODES.filter((c) => !text.includes(`\`${c}\``))).toEqual([])
  })
})
