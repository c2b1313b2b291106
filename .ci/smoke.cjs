// CommonJS smoke test of the built package: require() of every subpath, and a bake/extract round trip.
const assert = require('node:assert/strict')
const omc = require('open-microcredentials')
for (const sub of ['issue', 'sign', 'bake', 'verify', 'schema', 'jsonld', 'host']) {
  const mod = require(`open-microcredentials/${sub}`)
  assert.ok(Object.keys(mod).length > 0, `${sub} has exports`)
}
assert.equal(typeof omc.OpenBadgesError, 'function')
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'))
assert.equal(omc.extract(omc.bake(png, 'a.b.c')).text, 'a.b.c')
assert.equal(omc.validate({ type: 'Assertion' }).valid, false)
console.log(`cjs ok on node ${process.version}: ${Object.keys(omc).length} exports`)
