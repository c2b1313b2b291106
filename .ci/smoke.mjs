// ESM smoke test of the built package: every public subpath imports and its main entry points are functions.
import * as omc from 'open-microcredentials'
import assert from 'node:assert/strict'

assert.equal(typeof omc.OpenBadgesError, 'function')
assert.equal(typeof omc.VERSION, 'string')
console.log(`esm ok: ${Object.keys(omc).length} exports`)
