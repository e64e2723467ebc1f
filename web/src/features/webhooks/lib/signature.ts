/** A receiver's check of `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, in Node. */
export const VERIFY_SNIPPET = `import crypto from 'node:crypto'

// rawBody: the request body exactly as received (a Buffer or string), before JSON parsing.
function verify(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=')))
  const expected = crypto.createHmac('sha256', secret).update(\`\${parts.t}.\${rawBody}\`).digest('hex')
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) <= toleranceSeconds
  return fresh && parts.v1?.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected))
}

verify(body, req.headers['baton-signature'], process.env.BATON_WEBHOOK_SECRET)`
