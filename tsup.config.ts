import { defineConfig } from 'tsup'

// Library entries: one per public subpath. Each is built as ESM and CommonJS with declarations.
const libraryEntries = {
  index: 'src/index.ts',
  'issue/index': 'src/issue/index.ts',
  'schema/index': 'src/schema/index.ts',
  'jsonld/index': 'src/jsonld/index.ts',
  'sign/index': 'src/sign/index.ts',
  'bake/index': 'src/bake/index.ts',
  'host/index': 'src/host/index.ts',
  'verify/index': 'src/verify/index.ts',
}

export default defineConfig([
  {
    entry: libraryEntries,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The CLI: ESM only, with a shebang, never imported by the library.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
])
