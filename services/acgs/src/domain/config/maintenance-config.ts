import { array, boolean, integer, number, object, string } from './config-schema.js';
import type { SchemaType } from './config-schema.js';
import { constitutionalValidationSchema, namespaceSchema } from './constitutional-validation.js';

const ratio = (value: number) => number({ default: value, min: 0, max: 1 });
const paths = (values: string[]) => array(string({ minLength: 1 }), { default: values });

export const maintenanceConfigSchema = object({
  namespace: namespaceSchema,
  maintenance_window_hours: number({ default: 2, min: 0, exclusiveMin: true }),
  enable_maintenance_mode: boolean({ default: true }),
  constitutional_validation: constitutionalValidationSchema,
  database_maintenance: object({
    enabled: boolean({ default: true }),
    vacuum_threshold: ratio(0.2), // dead tuples / (live + dead) above which a table is vacuumed
    analyze_tables: boolean({ default: true }),
    reindex_threshold: ratio(0.3), // same ratio above which a table's indexes are rebuilt
  }),
  log_management: object({
    enabled: boolean({ default: true }),
    retention_days: integer({ default: 30, min: 0 }), // logs and temp files older than this are removed
    compression: boolean({ default: true }), // rotated logs are gzipped
    directories: paths(['logs']),
    temp_directories: paths(['tmp']),
  }),
  backup: object({
    enabled: boolean({ default: true }),
    directory: string({ default: 'backups', minLength: 1 }),
    retention_days: integer({ default: 7, min: 0 }),
    min_backups_kept: integer({ default: 3, min: 0 }), // never delete below this many, however old
  }),
  certificates: object({
    enabled: boolean({ default: true }),
    paths: paths([]),
    warning_days: integer({ default: 30, min: 0 }),
    critical_days: integer({ default: 7, min: 0 }),
  }),
  security_audit: object({
    enabled: boolean({ default: true }),
  }),
});

export type MaintenanceConfig = SchemaType<typeof maintenanceConfigSchema>;
