import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from 'lucide-react'
import { useState, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'

import type { Project } from '../api/types'
import { DeleteProjectDialog } from './delete-project-dialog'
import { EditProjectDialog } from './edit-project-dialog'

/** The "…" menu of a project row: edit and delete, each in its own dialog; `extra` items (Start) come first. */
export function ProjectActionsMenu({ project, extra }: { project: Project; extra?: ReactNode }) {
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const setOpen = (which: 'edit' | 'delete') => (open: boolean) => setDialog(open ? which : null)
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${project.name}`}>
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {extra && (
            <>
              {extra}
              <DropdownMenuSeparator />
            </>
          )}
          <DropdownMenuItem onSelect={() => setDialog('edit')}>
            <PencilIcon />
            Edit
          </DropdownMenuItem>
          <DropdownMenuItem variant="destructive" onSelect={() => setDialog('delete')}>
            <Trash2Icon />
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <EditProjectDialog project={project} open={dialog === 'edit'} onOpenChange={setOpen('edit')} />
      <DeleteProjectDialog project={project} open={dialog === 'delete'} onOpenChange={setOpen('delete')} />
    </>
  )
}
