export { registerDocs, type DocsSettings } from './docs-routes.js';
