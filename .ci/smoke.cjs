// CommonJS smoke test of the built package.
const omc = require('open-microcredentials')
const assert = require('node:assert/strict')

assert.equal(typeof omc.OpenBadgesError, 'function')
assert.equal(typeof omc.VERSION, 'string')
console.log(`cjs ok: ${Object.keys(omc).length} exports`)
