// swagger-ui-dist ships no types; this is the part of its options the docs page uses.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  type SwaggerUIOptions = {
    url: string
    dom_id: string
    deepLinking?: boolean
    docExpansion?: 'list' | 'full' | 'none'
    defaultModelsExpandDepth?: number
    tryItOutEnabled?: boolean
    validatorUrl?: string | null
  }
  const SwaggerUI: (options: SwaggerUIOptions) => unknown
  export default SwaggerUI
}
