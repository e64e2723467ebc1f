import { Loader2Icon } from 'lucide-react'
import type { FormEvent } from 'react'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { fieldErrorsOf } from '@/lib/api-client'

import type { Project } from '../api/types'
import { useUpdateProject } from '../api/update-project'
import { useProjectForm } from '../hooks/use-project-form'
import { formValuesFromProject, pickFieldErrors, toUpdateBody, validateProjectForm } from '../lib/project-form'
import { ConfigField, DescriptionField, NameField, StatusField, WorkspaceDirField } from './project-form-fields'

export function EditProjectDialog({
  project,
  open,
  onOpenChange,
}: {
  project: Project
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <EditForm project={project} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  )
}

function EditForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const form = useProjectForm(formValuesFromProject(project))
  const updateProject = useUpdateProject()
  const changes = toUpdateBody(project, form.values)
  const changed = Object.keys(changes).length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const errors = validateProjectForm(form.values, { workspaceRequired: project.workspace_dir != null })
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors)
      return
    }
    if (!changed) {
      onDone()
      return
    }
    updateProject.mutate(
      { id: project.id, body: changes },
      {
        onSuccess: (updated) => {
          toast.success(`Project “${updated.name}” saved`)
          onDone()
        },
        onError: (error) => {
          form.setErrors(pickFieldErrors(fieldErrorsOf(error)))
          toast.error('Could not save the project', { description: error.message })
        },
      },
    )
  }

  const fieldProps = { values: form.values, errors: form.errors, onChange: form.setField }
  const pending = updateProject.isPending

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <DialogHeader>
        <DialogTitle>Edit project</DialogTitle>
        <DialogDescription>Only the fields you change are saved.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-5">
        <NameField {...fieldProps} />
        <DescriptionField {...fieldProps} />
        <div className="grid gap-5 sm:grid-cols-[1fr_11rem]">
          <WorkspaceDirField {...fieldProps} required />
          <StatusField {...fieldProps} />
        </div>
        <ConfigField {...fieldProps} />
      </div>
      <DialogFooter>
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || !changed}>
          {pending && <Loader2Icon className="animate-spin" />}
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      </DialogFooter>
    </form>
  )
}
