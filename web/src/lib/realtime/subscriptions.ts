import { topicKey, type Topic } from './events'

/**
 * Counts how many parts of the page want each room. The server is told about the first one in and
 * the last one out only: a topic two components show is joined once and left when both are gone.
 */
export function createSubscriptionRegistry() {
  const entries = new Map<string, { topic: Topic; count: number }>()
  return {
    /** Returns true when this is the topic's first holder (the room must be joined). */
    add(topic: Topic): boolean {
      const key = topicKey(topic)
      const entry = entries.get(key)
      if (entry) {
        entry.count += 1
        return false
      }
      entries.set(key, { topic, count: 1 })
      return true
    },
    /** Returns true when this was the topic's last holder (the room must be left). */
    remove(topic: Topic): boolean {
      const key = topicKey(topic)
      const entry = entries.get(key)
      if (!entry) return false
      entry.count -= 1
      if (entry.count > 0) return false
      entries.delete(key)
      return true
    },
    has(topic: Topic): boolean {
      return entries.has(topicKey(topic))
    },
    count(topic: Topic): number {
      return entries.get(topicKey(topic))?.count ?? 0
    },
    /** Every topic held now: what a new connection subscribes to again. */
    topics(): Topic[] {
      return [...entries.values()].map((entry) => entry.topic)
    },
  }
}

export type SubscriptionRegistry = ReturnType<typeof createSubscriptionRegistry>
