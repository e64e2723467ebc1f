import { describe, expect, it } from 'vitest'

import { describeCycle, findCycle, wouldCreateCycle } from './cycles'

const task = (id: string, ...depends_on: string[]) => ({ id, depends_on })

describe('findCycle', () => {
  it('finds none in a diamond', () => {
    expect(findCycle([task('schema'), task('api', 'schema'), task('ui', 'schema'), task('qa', 'api', 'ui')])).toBeNull()
  })

  it('reports a cycle as its path in run order, the first task repeated at the end', () => {
    // The server's example: a depends on c, b on a, c on b, so a runs before b, b before c, c before a.
    const cycle = findCycle([task('a', 'c'), task('b', 'a'), task('c', 'b')])
    expect(cycle).toEqual(['a', 'b', 'c', 'a'])
    expect(describeCycle(cycle!)).toBe('a → b → c → a')
  })

  it('finds a cycle downstream of tasks that are fine, and a task depending on itself', () => {
    expect(findCycle([task('start'), task('x', 'start', 'z'), task('y', 'x'), task('z', 'y')])).toEqual(['x', 'y', 'z', 'x'])
    expect(findCycle([task('a', 'a')])).toEqual(['a', 'a'])
  })

  it('ignores dependencies on tasks that do not exist', () => {
    expect(findCycle([task('a', 'ghost'), task('b', 'a')])).toBeNull()
  })

  it('handles a long chain without recursion', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => task(`t${i}`, ...(i > 0 ? [`t${i - 1}`] : [])))
    expect(findCycle(chain)).toBeNull()
    chain[0] = task('t0', 't19999')
    expect(findCycle(chain)).toHaveLength(20_001)
  })
})

describe('wouldCreateCycle', () => {
  const plan = [task('build'), task('test', 'build'), task('ship', 'test'), task('docs')]

  it('refuses an edge back up the chain, naming the cycle it would close', () => {
    expect(wouldCreateCycle(plan, 'test', 'build')).toEqual(['build', 'test', 'build'])
    expect(wouldCreateCycle(plan, 'ship', 'build')).toEqual(['build', 'test', 'ship', 'build'])
  })

  it('refuses a task depending on itself', () => {
    expect(wouldCreateCycle(plan, 'docs', 'docs')).toEqual(['docs', 'docs'])
  })

  it('accepts edges that keep the plan acyclic, including a shortcut and one already there', () => {
    expect(wouldCreateCycle(plan, 'build', 'ship')).toBeNull()
    expect(wouldCreateCycle(plan, 'docs', 'build')).toBeNull()
    expect(wouldCreateCycle(plan, 'build', 'test')).toBeNull()
  })
})
