import { describe, expect, it } from 'vitest'
import { markdown, prose } from '../../src/host/html.js'

describe('markdown (the safe subset for Markdown Text narratives)', () => {
  it('renders headings, lists, paragraphs and inline forms', () => {
    const html = markdown('## Key method\n\nThink **aloud**, *label* each `strategy`.\nSecond line.\n\n- plan\n- video\n\n1. first\n2. second')
    expect(html).toBe(
      '<h3>Key method</h3>' +
        '<p>Think <strong>aloud</strong>, <em>label</em> each <code>strategy</code>.\nSecond line.</p>' +
        '<ul><li>plan</li><li>video</li></ul>' +
        '<ol><li>first</li><li>second</li></ol>',
    )
  })

  it('links only http(s) URLs and escapes everything else', () => {
    expect(markdown('[rubric](https://mc.example.org/r?a=1&b=2)')).toBe('<p><a href="https://mc.example.org/r?a=1&amp;b=2">rubric</a></p>')
    expect(markdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>')
    expect(markdown('<script>alert(1)</script> **<img src=x onerror=alert(1)>**')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>',
    )
    expect(markdown('[a" onmouseover="x](https://e.example/)')).toBe('<p><a href="https://e.example/">a&quot; onmouseover=&quot;x</a></p>')
  })

  it('stays linear on hostile input (no catastrophic backtracking)', () => {
    // Each of these would take minutes with a backtracking-prone pattern; here they return at once.
    for (const s of ['['.repeat(200_000), '*'.repeat(200_000), '`'.repeat(200_000), '[a]('.repeat(50_000), '# '.repeat(100_000) + 'x']) {
      expect(typeof markdown(s)).toBe('string')
    }
  })

  it('prose wraps the rendering and ignores non-text', () => {
    expect(prose('plain')).toBe('<div class="prose"><p>plain</p></div>')
    expect(prose({ not: 'text' })).toBe('')
  })
})
