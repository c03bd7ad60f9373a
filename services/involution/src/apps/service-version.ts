/** The Involution service version reported by /version, /health and the CLI. */
export const SERVICE_VERSION = '0.2.0';
