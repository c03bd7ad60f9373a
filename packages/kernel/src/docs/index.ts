export { DOCS_PATH_PREFIXES, registerDocs, type DocsSettings } from './docs-routes.js';
