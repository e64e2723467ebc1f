import { ArrowLeftIcon, ArrowRightIcon, Loader2Icon } from 'lucide-react'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { fieldErrorsOf } from '@/lib/api-client'
import { formatJson, parseJsonObject } from '@/lib/json'

import { useCreateProject } from '../api/create-project'
import { useProjectForm } from '../hooks/use-project-form'
import {
  EMPTY_PROJECT_FORM,
  firstStepWithError,
  pickFieldErrors,
  toCreateBody,
  validateProjectForm,
  WIZARD_STEPS,
  type FieldErrors,
  type ProjectFormValues,
} from '../lib/project-form'
import { ConfigField, DescriptionField, NameField, StatusField, WorkspaceDirField } from './project-form-fields'
import { ProjectStatusBadge } from './project-status-badge'
import { WizardStepper } from './wizard-stepper'

const STEP_TITLES = WIZARD_STEPS.map((step) => step.title)
const LAST_STEP = WIZARD_STEPS.length - 1

export function CreateProjectWizard({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        {/* Mounted only while open, so every opening starts from a clean form. */}
        <WizardBody onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  )
}

function errorsForStep(step: number, errors: FieldErrors): FieldErrors {
  const fields = WIZARD_STEPS[step]?.fields ?? []
  return Object.fromEntries(Object.entries(errors).filter(([field]) => (fields as readonly string[]).includes(field)))
}

function WizardBody({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState(0)
  const form = useProjectForm(EMPTY_PROJECT_FORM)
  const createProject = useCreateProject()
  const navigate = useNavigate()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (step < LAST_STEP) {
      const stepErrors = errorsForStep(step, validateProjectForm(form.values))
      if (Object.keys(stepErrors).length > 0) {
        form.setErrors((current) => ({ ...current, ...stepErrors }))
        return
      }
      setStep(step + 1)
      return
    }
    const errors = validateProjectForm(form.values)
    const back = firstStepWithError(errors)
    if (back !== undefined) {
      form.setErrors(errors)
      setStep(back)
      return
    }
    createProject.mutate(toCreateBody(form.values), {
      onSuccess: (project) => {
        toast.success(`Project “${project.name}” created`)
        onDone()
        void navigate(`/projects/${project.id}`)
      },
      onError: (error) => {
        const fieldErrors = pickFieldErrors(fieldErrorsOf(error))
        form.setErrors(fieldErrors)
        const errorStep = firstStepWithError(fieldErrors)
        if (errorStep !== undefined) setStep(errorStep)
        toast.error('Could not create the project', { description: error.message })
      },
    })
  }

  const fieldProps = { values: form.values, errors: form.errors, onChange: form.setField }
  const pending = createProject.isPending

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <DialogHeader>
        <DialogTitle>New project</DialogTitle>
        <DialogDescription>
          Step {step + 1} of {WIZARD_STEPS.length}: {STEP_TITLES[step]}
        </DialogDescription>
      </DialogHeader>

      <WizardStepper steps={STEP_TITLES} current={step} onSelect={setStep} />

      <div className="grid min-h-64 content-start gap-5">
        {step === 0 && (
          <>
            <NameField {...fieldProps} autoFocus />
            <DescriptionField {...fieldProps} />
          </>
        )}
        {step === 1 && (
          <>
            <WorkspaceDirField {...fieldProps} />
            <StatusField {...fieldProps} label="Initial status" />
            <ConfigField {...fieldProps} />
          </>
        )}
        {step === 2 && <ReviewSummary values={form.values} />}
      </div>

      <DialogFooter className="sm:justify-between">
        <div>
          {step > 0 && (
            <Button variant="ghost" onClick={() => setStep(step - 1)} disabled={pending}>
              <ArrowLeftIcon />
              Back
            </Button>
          )}
        </div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row">
          <Button variant="outline" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          {step < LAST_STEP ? (
            <Button type="submit">
              Next
              <ArrowRightIcon />
            </Button>
          ) : (
            <Button type="submit" disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" />}
              {pending ? 'Creating…' : 'Create project'}
            </Button>
          )}
        </div>
      </DialogFooter>
    </form>
  )
}

function ReviewSummary({ values }: { values: ProjectFormValues }) {
  const config = parseJsonObject(values.config)
  const rows: { label: string; value: ReactNode }[] = [
    { label: 'Name', value: values.name.trim() },
    {
      label: 'Description',
      value: values.description.trim() || <span className="text-muted-foreground">None</span>,
    },
    {
      label: 'Workspace directory',
      value: values.workspace_dir.trim() ? (
        <span className="font-mono text-[13px] break-all">{values.workspace_dir.trim()}</span>
      ) : (
        <span className="text-muted-foreground">Default, in Baton&apos;s data directory</span>
      ),
    },
    { label: 'Initial status', value: <ProjectStatusBadge status={values.status} /> },
  ]
  return (
    <div className="grid gap-4">
      <dl className="divide-y rounded-lg border text-sm">
        {rows.map((row) => (
          <div key={row.label} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
            <dt className="text-muted-foreground">{row.label}</dt>
            <dd className="min-w-0 break-words">{row.value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-2">
        <p className="text-sm text-muted-foreground">Config</p>
        <pre className="max-h-48 overflow-auto rounded-lg border bg-muted/50 px-4 py-3 font-mono text-[13px] leading-relaxed">
          {formatJson(config.ok ? config.value : {})}
        </pre>
      </div>
    </div>
  )
}
