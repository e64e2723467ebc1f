import { useCallback, useState } from 'react'

import { validateConfig, type FieldErrors, type ProjectFormValues } from '../lib/project-form'

/**
 * Form values plus the errors shown beside each field. Editing a field clears its error (the user
 * is fixing it); the config is re-checked on every keystroke so a broken JSON shows at once.
 */
export function useProjectForm(initial: ProjectFormValues) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})

  const setField = useCallback(<K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => {
      const next = { ...current }
      delete next[field]
      if (field === 'config') {
        const error = validateConfig(value as string)
        if (error) next.config = error
      }
      return next
    })
  }, [])

  return { values, errors, setErrors, setField }
}
