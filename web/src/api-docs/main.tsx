// The API reference page (/api/docs): Swagger UI bundled from npm, reading the server's own
// OpenAPI document. A separate entry so none of it ever loads with the app.
import 'swagger-ui-dist/swagger-ui.css'
import './api-docs.css'

import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js'

SwaggerUI({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  tryItOutEnabled: false,
  // No calls to the public validator service: this runs offline and on private networks.
  validatorUrl: null,
})
