import { describe, expect, it } from 'vitest'

import type { TaskAttempt } from '../../../api/types'
import { dependencyLinks, formatOffset, layoutTimeline, tickStep } from './layout'

const T0 = Date.parse('2026-01-01T12:00:00Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()

function attempt(taskId: string, extra: Partial<TaskAttempt> = {}): TaskAttempt {
  return {
    id: `${taskId}-${extra.attempt ?? 1}`,
    task_id: taskId,
    agent: `${taskId}-agent`,
    attempt: 1,
    status: 'completed',
    prompt: '',
    depends_on: [],
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    ...extra,
  }
}

describe('tickStep', () => {
  it('picks the smallest readable step that fits', () => {
    expect(tickStep(800, 8)).toBe(100)
    expect(tickStep(10_000, 8)).toBe(2000)
    expect(tickStep(10_000, 5)).toBe(2000)
    expect(tickStep(10_000, 4)).toBe(5000)
    expect(tickStep(90 * 60_000, 6)).toBe(15 * 60_000)
    expect(tickStep(3 * 24 * 3_600_000, 2)).toBe(2 * 24 * 3_600_000)
  })
})

describe('formatOffset', () => {
  it('says as much as the step needs', () => {
    expect(formatOffset(0, 1000)).toBe('0s')
    expect(formatOffset(500, 100)).toBe('500ms')
    expect(formatOffset(1500, 500)).toBe('1.5s')
    expect(formatOffset(45_000, 5000)).toBe('45s')
    expect(formatOffset(90_000, 30_000)).toBe('1m 30s')
    expect(formatOffset(120_000, 60_000)).toBe('2m')
    expect(formatOffset(2.5 * 3_600_000, 30 * 60_000)).toBe('2h 30m')
  })
})

describe('layoutTimeline', () => {
  const finished = [
    attempt('research', { started_at: at(0), completed_at: at(2000) }),
    attempt('schema', { started_at: at(2000), completed_at: at(5000), depends_on: ['research'] }),
    attempt('api', { attempt: 1, status: 'failed', started_at: at(5000), completed_at: at(6000), depends_on: ['schema'] }),
    attempt('api', { attempt: 2, status: 'completed', started_at: at(7000), completed_at: at(10_000), depends_on: ['schema'] }),
    attempt('deploy', { status: 'skipped', depends_on: ['api'] }),
  ]

  it('puts tasks in plan order, one bar per attempt that started, on an axis from the first start to the end', () => {
    const model = layoutTimeline({ attempts: finished, startedAt: at(0), completedAt: at(10_000), live: false, now: T0 + 60_000 })
    expect(model.rows.map((r) => r.taskId)).toEqual(['research', 'schema', 'api', 'deploy'])
    expect(model.span).toBe(10_000)
    expect(model.nowLeft).toBeNull()
    const api = model.rows[2]!
    expect(api.attempts).toBe(2)
    expect(api.status).toBe('completed')
    expect(api.bars.map((b) => [b.attempt, b.status, b.left, b.width, b.latest])).toEqual([
      [1, 'failed', 50, 10, false],
      [2, 'completed', 70, 30, true],
    ])
    // A task that never started has a row but no bar.
    expect(model.rows[3]).toMatchObject({ status: 'skipped', bars: [] })
  })

  it('draws ticks at readable steps across the whole axis', () => {
    const model = layoutTimeline({ attempts: finished, startedAt: at(0), completedAt: at(10_000), live: false, now: T0, maxTicks: 5 })
    expect(model.ticks.map((t) => t.label)).toEqual(['0s', '2s', '4s', '6s', '8s', '10s'])
    expect(model.ticks.at(-1)?.left).toBe(100)
  })

  it('grows a running attempt to now, with headroom and a now line, while the execution runs', () => {
    const running = [
      attempt('research', { started_at: at(0), completed_at: at(2000) }),
      attempt('schema', { status: 'running', started_at: at(2000) }),
    ]
    const early = layoutTimeline({ attempts: running, startedAt: at(0), live: true, now: T0 + 8000 })
    const later = layoutTimeline({ attempts: running, startedAt: at(0), live: true, now: T0 + 9000 })
    const bar = (m: typeof early) => m.rows[1]!.bars[0]!
    expect(bar(early)).toMatchObject({ running: true, end: T0 + 8000 })
    expect(bar(later).end).toBe(T0 + 9000)
    // The axis ends past now, on a whole tick, and does not move every second.
    expect(early.span).toBeGreaterThan(8000)
    expect(early.span % (early.ticks[1]!.offset - early.ticks[0]!.offset)).toBe(0)
    expect(later.span).toBe(early.span)
    expect(early.nowLeft).toBeCloseTo((8000 / early.span) * 100)
  })

  it('never draws a running bar backwards when this clock is behind the server', () => {
    const running = [attempt('research', { status: 'running', started_at: at(5000) })]
    const model = layoutTimeline({ attempts: running, startedAt: at(0), live: true, now: T0 + 1000 })
    const bar = model.rows[0]!.bars[0]!
    expect(bar.end).toBeGreaterThanOrEqual(bar.start)
    expect(bar.width).toBeGreaterThanOrEqual(0)
    expect(model.nowLeft).toBeGreaterThanOrEqual(bar.left)
  })

  it('has rows but no axis before anything started', () => {
    const model = layoutTimeline({ attempts: [attempt('research', { status: 'pending' })], live: true, now: T0 })
    expect(model).toMatchObject({ origin: null, ticks: [], nowLeft: null })
    expect(model.rows).toHaveLength(1)
    expect(model.rows[0]!.bars).toEqual([])
  })

  it('gives an instant run a readable minimum span', () => {
    const quick = [attempt('a', { started_at: at(0), completed_at: at(40) })]
    const model = layoutTimeline({ attempts: quick, startedAt: at(0), completedAt: at(40), live: false, now: T0 })
    expect(model.span).toBe(1000)
    expect(model.rows[0]!.bars[0]!.width).toBeCloseTo(4)
  })
})

describe('dependencyLinks', () => {
  it('joins the end of each dependency to the start of the task', () => {
    const model = layoutTimeline({
      attempts: [
        attempt('schema', { started_at: at(0), completed_at: at(4000) }),
        attempt('ui', { started_at: at(0), completed_at: at(2000) }),
        attempt('qa', { started_at: at(5000), completed_at: at(10_000), depends_on: ['schema', 'ui', 'missing'] }),
      ],
      startedAt: at(0),
      completedAt: at(10_000),
      live: false,
      now: T0,
    })
    expect(dependencyLinks(model.rows, 'qa')).toEqual([
      { from: 'schema', fromRow: 0, fromLeft: 40, toRow: 2, toLeft: 50 },
      { from: 'ui', fromRow: 1, fromLeft: 20, toRow: 2, toLeft: 50 },
    ])
    expect(dependencyLinks(model.rows, 'schema')).toEqual([])
    expect(dependencyLinks(model.rows, 'nope')).toEqual([])
  })
})

describe('skipped tasks', () => {
  it('draw no bar, even with the timestamps of the moment they were skipped, and say why', () => {
    const model = layoutTimeline({
      attempts: [
        attempt('api', { status: 'failed', started_at: at(0), completed_at: at(4000), error: 'exited with code 1' }),
        attempt('qa', { status: 'skipped', started_at: at(4000), completed_at: at(4000), error: 'skipped: api did not complete', depends_on: ['api'] }),
      ],
      startedAt: at(0),
      completedAt: at(4000),
      live: false,
      now: T0,
    })
    expect(model.rows[1]).toMatchObject({ status: 'skipped', bars: [], error: 'skipped: api did not complete' })
  })
})
