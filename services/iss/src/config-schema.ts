import { Type } from '@svc/kernel';
import { ISS_DEFAULTS } from './storage-defaults.js';

/** ISS's own environment variables (the deployment guide's names); kernel settings come on top. */
export const issConfigSchema = {
  NODE_ID: Type.String({ default: ISS_DEFAULTS.NODE_ID, minLength: 1, maxLength: 128, description: 'node id stamped on every pulse' }),
  STORAGE_PATH: Type.String({ default: ISS_DEFAULTS.STORAGE_PATH, description: 'glyph_chain.jsonl, forensic_audit.log, checkpoint.note' }),
  SPICE_STORAGE_PATH: Type.String({ default: ISS_DEFAULTS.SPICE_STORAGE_PATH, description: 'spice_descriptors.jsonl, spice_index.json, constitutional_binding.jsonl' }),
  MATRIX_ROOT: Type.String({ default: ISS_DEFAULTS.MATRIX_ROOT, description: 'read-only vaults: {apriori,aposteriori,trace}_vault.jsonl' }),
  API_TITLE: Type.String({ default: 'ISS Module v2 - Inventory Service System' }),
  API_DESCRIPTION: Type.String({ default: 'Forensic-grade inventory management with SPICE Descriptor Layer' }),
  API_VERSION: Type.String({ default: '2.0.0' }),
  SECRET_KEY: Type.String({ default: '', description: 'checkpoint key derived via HKDF-SHA256 when no key file is given' }),
  CHECKPOINT_KEY_FILE: Type.String({ default: '', description: 'Ed25519 PKCS#8 PEM or 64-hex seed; preferred over SECRET_KEY' }),
  DATABASE_URL: Type.String({ default: '', description: 'postgresql://…: chain, descriptors and index in PostgreSQL' }),
};
