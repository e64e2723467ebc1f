import { useReactFlow } from '@xyflow/react'
import { MapIcon, MaximizeIcon, MinusIcon, PlusIcon } from 'lucide-react'
import { memo } from 'react'

import { GraphIconButton } from './icon-button'

/** Zoom, fit and the minimap's switch, stacked in the canvas's bottom-right corner. */
export const ZoomControls = memo(function ZoomControls({
  minimap,
  onMinimapChange,
  onFit,
}: {
  minimap: boolean
  onMinimapChange: (shown: boolean) => void
  /** Frames the whole graph (the canvas knows its layout). */
  onFit: () => void
}) {
  const flow = useReactFlow()
  return (
    <div
      role="group"
      aria-label="Zoom"
      className="flex flex-col gap-0.5 rounded-lg border bg-background/90 p-1 shadow-sm backdrop-blur supports-[backdrop-filter]:bg-background/75"
    >
      <GraphIconButton side="left" label="Zoom in" onClick={() => void flow.zoomIn({ duration: 150 })}>
        <PlusIcon />
      </GraphIconButton>
      <GraphIconButton side="left" label="Zoom out" onClick={() => void flow.zoomOut({ duration: 150 })}>
        <MinusIcon />
      </GraphIconButton>
      <GraphIconButton side="left" label="Fit view" onClick={onFit}>
        <MaximizeIcon />
      </GraphIconButton>
      <GraphIconButton side="left" label="Minimap" pressed={minimap} onClick={() => onMinimapChange(!minimap)}>
        <MapIcon />
      </GraphIconButton>
    </div>
  )
})
