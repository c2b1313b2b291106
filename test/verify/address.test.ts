import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { classifyAddress, classifyHostname, parseIPv4, parseIPv6 } from '../../src/verify/address.js'

describe('IPv4 parsing', () => {
  it.each([
    ['127.0.0.1', 0x7f000001],
    ['127.1', 0x7f000001],
    ['2130706433', 0x7f000001],
    ['0x7f.0.0.1', 0x7f000001],
    ['0x7f000001', 0x7f000001],
    ['0177.0.0.1', 0x7f000001],
    ['017700000001', 0x7f000001],
    ['169.254.169.254', 0xa9fea9fe],
    ['0', 0],
    ['255.255.255.255', 0xffffffff],
  ])('%s', (text, value) => {
    expect(parseIPv4(text)).toBe(value)
  })

  it.each(['256.0.0.1', '1.2.3.4.5', 'example.org', '08.1.1.1', '', '1..1', '4294967296'])('%s is not an IPv4 literal', (text) => {
    expect(parseIPv4(text)).toBeNull()
  })

  it('dotted quads round-trip (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), ([a, b, c, d]) => {
        expect(parseIPv4(`${a}.${b}.${c}.${d}`)).toBe(((a * 256 + b) * 256 + c) * 256 + d)
      }),
      { numRuns: 100 },
    )
  })
})

describe('IPv6 parsing', () => {
  it.each([
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['[::1]', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['2001:db8:0:0:0:0:0:1', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
  ])('%s', (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups)
  })

  it.each(['1:2:3:4:5:6:7:8:9', ':::', '1::2::3', 'g::1', '127.0.0.1', '::ffff:999.0.0.1'])('%s is not an IPv6 literal', (text) => {
    expect(parseIPv6(text)).toBeNull()
  })
})

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls)
  })

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is global', (address) => {
    expect(classifyAddress(address)).toBeNull()
  })

  it.each([
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['api.localhost', 'localhost'],
    ['[::1]', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['example.org', null],
    ['localhost.example.org', null],
  ])('host name %s → %s', (host, cls) => {
    expect(classifyHostname(host)).toBe(cls)
  })

  it('every 127/8 address is loopback and every 10/8 address private (property)', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), (b, c, d) => {
        expect(classifyAddress(`127.${b}.${c}.${d}`)).toBe('loopback')
        expect(classifyAddress(`10.${b}.${c}.${d}`)).toBe('private')
        expect(classifyAddress(`::ffff:10.${b}.${c}.${d}`)).toBe('private')
      }),
      { numRuns: 100 },
    )
  })
})
