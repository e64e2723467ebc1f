import type { InfiniteData } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'

import type { Notification, NotificationPage } from '../api/types'
import {
  appPath,
  badgeText,
  flattenNotifications,
  insertNotification,
  markAllReadInCache,
  markReadInCache,
  unreadOf,
} from './cache'

function notification(id: string, read = false): Notification {
  return {
    id,
    kind: 'execution_failed',
    title: `Execution ${id} failed`,
    body: 'boom failed',
    link: `/executions/${id}`,
    execution_id: id,
    project_id: null,
    created_at: '2026-03-01T10:00:00Z',
    read_at: read ? '2026-03-01T10:05:00Z' : null,
  }
}

function pages(unread: number, ...lists: Notification[][]): InfiniteData<NotificationPage, string | undefined> {
  return {
    pages: lists.map((items, i) => ({ items, next_cursor: i < lists.length - 1 ? `c${i + 1}` : null, unread })),
    pageParams: lists.map((_, i) => (i === 0 ? undefined : `c${i}`)),
  }
}

describe('insertNotification', () => {
  it('puts a new one in front and takes the server’s count', () => {
    const next = insertNotification(pages(1, [notification('a')]), notification('b'), 2)
    expect(flattenNotifications(next).map((n) => n.id)).toEqual(['b', 'a'])
    expect(unreadOf(next)).toBe(2)
  })

  it('does not add one twice but still takes the count', () => {
    const next = insertNotification(pages(1, [notification('a')], [notification('z')]), notification('z'), 5)
    expect(flattenNotifications(next).map((n) => n.id)).toEqual(['a', 'z'])
    expect(next?.pages.map((p) => p.unread)).toEqual([5, 5])
  })

  it('leaves an unloaded list alone', () => {
    expect(insertNotification(undefined, notification('a'), 1)).toBeUndefined()
  })
})

describe('markReadInCache', () => {
  const data = pages(2, [notification('a'), notification('b', true)], [notification('c')])

  it('marks one read and counts one less', () => {
    const next = markReadInCache(data, 'c', '2026-03-01T11:00:00Z')
    expect(flattenNotifications(next).find((n) => n.id === 'c')?.read_at).toBe('2026-03-01T11:00:00Z')
    expect(unreadOf(next)).toBe(1)
  })

  it('changes nothing for one already read or unknown', () => {
    expect(markReadInCache(data, 'b', 'x')).toBe(data)
    expect(markReadInCache(data, 'nope', 'x')).toBe(data)
  })

  it('never counts below zero', () => {
    expect(unreadOf(markReadInCache(pages(0, [notification('a')]), 'a', 'x'))).toBe(0)
  })
})

describe('markAllReadInCache', () => {
  it('reads everything and zeroes the count, keeping read times already set', () => {
    const next = markAllReadInCache(pages(2, [notification('a'), notification('b', true)]), 'now')
    expect(flattenNotifications(next).map((n) => n.read_at)).toEqual(['now', '2026-03-01T10:05:00Z'])
    expect(unreadOf(next)).toBe(0)
  })
})

describe('badgeText', () => {
  it.each([
    [0, null],
    [-1, null],
    [1, '1'],
    [9, '9'],
    [10, '9+'],
    [250, '9+'],
  ])('%d → %s', (unread, text) => expect(badgeText(unread)).toBe(text))
})

describe('appPath', () => {
  it.each([
    ['/executions/abc', '/executions/abc'],
    ['/projects/1?tab=runs', '/projects/1?tab=runs'],
    ['https://evil.example', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['/ok\nno', null],
    ['', null],
    [null, null],
  ])('%s → %s', (link, path) => expect(appPath(link)).toBe(path))
})
