/**
 * Progress on stderr for long CLI runs: a redrawn bar on a terminal, a line every 1000 rows otherwise,
 * nothing with OMC_PROGRESS=off. `OMC_PROGRESS=tty|plain|off` overrides the terminal detection.
 */
import type { CliIo } from './io.js'

/** A progress display. */
export interface Progress {
  update(status: 'issued' | 'skipped' | 'failed'): void
  done(): void
}

function mode(io: CliIo): 'tty' | 'plain' | 'off' {
  const forced = io.env.OMC_PROGRESS
  if (forced === 'tty' || forced === 'plain' || forced === 'off') return forced
  return process.stderr.isTTY && io.env.TERM !== 'dumb' ? 'tty' : 'plain'
}

/** Creates the progress display for `total` rows (unknown when reading standard input). */
export function createProgress(io: CliIo, total: number | undefined): Progress {
  const how = mode(io)
  const counts = { issued: 0, skipped: 0, failed: 0 }
  let done = 0
  let lastDraw = 0
  const line = () => {
    const of = total === undefined ? `${done}` : `${done}/${total}`
    return `${of} rows  issued ${counts.issued}  skipped ${counts.skipped}  failed ${counts.failed}`
  }
  const bar = () => {
    if (total === undefined || total === 0) return ''
    const width = 24
    const filled = Math.min(width, Math.round((done / total) * width))
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `
  }
  return {
    update(status) {
      counts[status]++
      done++
      if (how === 'tty') {
        const t = performance.now()
        if (t - lastDraw >= 100 || done === total) {
          lastDraw = t
          io.stderr(`\r${bar()}${line()}\u001b[K`)
        }
      } else if (how === 'plain' && done % 1000 === 0) {
        io.stderr(`${line()}\n`)
      }
    },
    done() {
      if (how === 'tty') io.stderr(`\r${bar()}${line()}\u001b[K\n`)
    },
  }
}
