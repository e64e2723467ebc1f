import type { Project, ProjectPage } from '../api/types'

/** A projects page after a project changed: its row replaced in place, or `null` when the server must say (it may now match). */
export function patchProjectPage(page: ProjectPage, project: Project): ProjectPage | null {
  const index = page.items.findIndex((item) => item.id === project.id)
  if (index < 0) return null
  const items = [...page.items]
  items[index] = project
  return { ...page, items }
}

/** A projects page without a deleted project; the same page when it was not on it. */
export function removeProjectFromPage(page: ProjectPage, id: string): ProjectPage {
  if (!page.items.some((item) => item.id === id)) return page
  return { ...page, items: page.items.filter((item) => item.id !== id), total: Math.max(0, page.total - 1) }
}
