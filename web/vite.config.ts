import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const backend = process.env.BATON_DEV_BACKEND ?? 'http://127.0.0.1:3001'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy: { '/api/': backend, '/socket.io/': { target: backend, ws: true } } },
  // `vite preview` serves the build; the API still comes from the backend.
  preview: { proxy: { '/api/': backend, '/socket.io/': { target: backend, ws: true } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The API reference bundles Swagger UI (~1.5 MB); it is its own page and never loads with the app.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        'api-docs': fileURLToPath(new URL('./api-docs.html', import.meta.url)),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
})
