import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'

import type { ProjectStatus } from '../api/types'
import { PROJECT_STATUSES, type FieldErrors, type ProjectFormValues } from '../lib/project-form'

export type FieldsProps = {
  values: ProjectFormValues
  errors: FieldErrors
  onChange: <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => void
}

export function NameField({ values, errors, onChange, autoFocus }: FieldsProps & { autoFocus?: boolean }) {
  return (
    <FormField label="Name" error={errors.name}>
      {(props) => (
        <Input
          {...props}
          autoFocus={autoFocus}
          autoComplete="off"
          placeholder="e.g. payments-service"
          value={values.name}
          onChange={(e) => onChange('name', e.target.value)}
        />
      )}
    </FormField>
  )
}

export function DescriptionField({ values, errors, onChange }: FieldsProps) {
  return (
    <FormField label="Description" optional error={errors.description}>
      {(props) => (
        <Textarea
          {...props}
          rows={3}
          placeholder="What this project is for"
          value={values.description}
          onChange={(e) => onChange('description', e.target.value)}
        />
      )}
    </FormField>
  )
}

export function WorkspaceDirField({ values, errors, onChange, required }: FieldsProps & { required?: boolean }) {
  return (
    <FormField
      label="Workspace directory"
      optional={!required}
      hint={required ? 'Absolute path of the folder agents work in.' : "Leave empty to use a folder in Baton's data directory."}
      error={errors.workspace_dir}
    >
      {(props) => (
        <Input
          {...props}
          className="font-mono text-[13px]"
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/me/code/payments-service"
          value={values.workspace_dir}
          onChange={(e) => onChange('workspace_dir', e.target.value)}
        />
      )}
    </FormField>
  )
}

export function StatusField({ values, errors, onChange, label = 'Status' }: FieldsProps & { label?: string }) {
  return (
    <FormField label={label} error={errors.status}>
      {(props) => (
        <Select value={values.status} onValueChange={(value) => onChange('status', value as ProjectStatus)}>
          <SelectTrigger {...props}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PROJECT_STATUSES.map((s) => (
              <SelectItem key={s.value} value={s.value}>
                {s.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </FormField>
  )
}

export function ConfigField({ values, errors, onChange }: FieldsProps) {
  return (
    <FormField label="Config" hint={'A JSON object, for example {"model": "sonnet"}.'} error={errors.config}>
      {(props) => (
        <Textarea
          {...props}
          rows={6}
          spellCheck={false}
          className="font-mono text-[13px] leading-relaxed"
          value={values.config}
          onChange={(e) => onChange('config', e.target.value)}
        />
      )}
    </FormField>
  )
}
