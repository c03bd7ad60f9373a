export { ServiceError, defineErrorCatalog, type ErrorCatalog, type ErrorSpec } from './service-error.js';
export { kernelErrors } from './kernel-errors.js';
export { toErrorBody, type ErrorBody, type ErrorBodyOptions } from './error-body.js';
export { CatalogError, type CatalogEntry, type CatalogErrorOptions } from './catalog-error.js';
