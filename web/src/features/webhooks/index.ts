export { WebhooksTab } from './components/webhooks-tab'
