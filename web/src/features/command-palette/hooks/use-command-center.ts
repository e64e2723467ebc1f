import { useSyncExternalStore } from 'react'

/** Which of the keyboard's dialogs is open: UI state shared by the header's button and the shortcuts. */
type State = { palette: boolean; help: boolean }

let state: State = { palette: false, help: false }
const listeners = new Set<() => void>()

function set(next: Partial<State>) {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

export const commandCenter = {
  setPaletteOpen: (open: boolean) => set({ palette: open, ...(open ? { help: false } : {}) }),
  togglePalette: () => set({ palette: !state.palette, help: false }),
  setHelpOpen: (open: boolean) => set({ help: open, ...(open ? { palette: false } : {}) }),
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

const getState = () => state

export function useCommandCenter(): State {
  return useSyncExternalStore(subscribe, getState, getState)
}
