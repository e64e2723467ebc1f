import { describe, expect, it } from 'vitest'

import { topicKey, topicMessage } from './events'
import { createSubscriptionRegistry } from './subscriptions'

describe('createSubscriptionRegistry', () => {
  it('joins on the first holder and leaves on the last', () => {
    const registry = createSubscriptionRegistry()
    const topic = { kind: 'execution', id: 'e1' } as const
    expect(registry.add(topic)).toBe(true)
    expect(registry.add({ kind: 'execution', id: 'e1' })).toBe(false)
    expect(registry.count(topic)).toBe(2)
    expect(registry.remove(topic)).toBe(false)
    expect(registry.has(topic)).toBe(true)
    expect(registry.remove(topic)).toBe(true)
    expect(registry.has(topic)).toBe(false)
  })

  it('ignores a release of something never held', () => {
    const registry = createSubscriptionRegistry()
    expect(registry.remove({ kind: 'global' })).toBe(false)
    expect(registry.topics()).toEqual([])
  })

  it('tells a whole execution log from one task log', () => {
    const registry = createSubscriptionRegistry()
    registry.add({ kind: 'logs', executionId: 'e1' })
    registry.add({ kind: 'logs', executionId: 'e1', taskId: 'api' })
    expect(registry.topics().map(topicKey)).toEqual(['logs:e1', 'logs:e1:api'])
  })
})

describe('topicMessage', () => {
  it('names the event and payload of docs/realtime.md', () => {
    expect(topicMessage({ kind: 'global' }, 'subscribe')).toEqual(['subscribe:global', {}])
    expect(topicMessage({ kind: 'logs', executionId: 'e1', taskId: 't' }, 'unsubscribe')).toEqual([
      'unsubscribe:logs',
      { execution_id: 'e1', task_id: 't' },
    ])
    expect(topicMessage({ kind: 'logs', executionId: 'e1' }, 'subscribe')).toEqual(['subscribe:logs', { execution_id: 'e1' }])
    expect(topicMessage({ kind: 'agent', name: 'backend-expert' }, 'subscribe')).toEqual(['subscribe:agent', { name: 'backend-expert' }])
    expect(topicMessage({ kind: 'project', id: 'p' }, 'subscribe')).toEqual(['subscribe:project', { id: 'p' }])
  })
})
