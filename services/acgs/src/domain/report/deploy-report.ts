/** What happened to one service during a deploy run. */
export interface ServiceDeployResult {
  readonly name: string;
  /** 1-based wave number. */
  readonly wave: number;
  readonly status: 'deployed' | 'unchanged' | 'failed' | 'skipped' | 'rolled_back' | 'planned';
  readonly revision?: number | undefined;
  readonly previous_revision?: number | undefined;
  readonly health?:
    | {
        readonly healthy: boolean;
        readonly status_code?: number | undefined;
        readonly constitutional_hash_valid?: boolean | undefined;
        readonly message?: string | undefined;
        readonly attempts?: number | undefined;
      }
    | undefined;
  readonly duration_ms?: number | undefined;
  readonly error?: string | undefined;
}

/** One service undone after a failed run. */
export interface ServiceRollbackResult {
  readonly name: string;
  readonly from_revision?: number | undefined;
  readonly to_revision?: number | undefined;
  readonly status: 'rolled_back' | 'removed' | 'failed';
  readonly error?: string | undefined;
}

export interface DeployReportInput {
  readonly deploymentId: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly namespace: string;
  readonly environment: string;
  readonly constitutionalHash: string;
  readonly driver: 'local' | 'kubernetes';
  readonly dryRun: boolean;
  readonly waves: readonly (readonly string[])[];
  readonly services: readonly ServiceDeployResult[];
  readonly rollback?:
    { readonly reason: string; readonly services: readonly ServiceRollbackResult[] } | undefined;
  /** Manifest label violations found before applying (a non-empty list means nothing was applied). */
  readonly manifestViolations?: readonly { path: string; message: string }[] | undefined;
  readonly errors?: readonly string[] | undefined;
}

export type DeploymentStatus = 'success' | 'dry_run' | 'failed' | 'rolled_back' | 'rollback_failed';

/** The deploy report: the guide's "comprehensive deployment reporting", always serializable. */
export interface DeployReport {
  readonly report_type: 'deployment';
  readonly deployment_id: string;
  readonly timestamp: string;
  readonly started_at: string;
  readonly finished_at: string;
  readonly duration_seconds: number;
  readonly namespace: string;
  readonly environment: string;
  readonly driver: 'local' | 'kubernetes';
  readonly dry_run: boolean;
  readonly deployment_status: DeploymentStatus;
  readonly constitutional_hash: string;
  readonly constitutional_compliance: {
    readonly hash: string;
    readonly compliant: boolean;
    readonly manifest_violations: readonly { path: string; message: string }[];
    readonly services_failing_hash: readonly string[];
  };
  readonly deployment_order: readonly (readonly string[])[];
  readonly services: readonly ServiceDeployResult[];
  readonly services_deployed: readonly string[];
  readonly services_unchanged: readonly string[];
  readonly services_failed: readonly string[];
  readonly services_skipped: readonly string[];
  readonly rollback: {
    readonly performed: boolean;
    readonly reason: string | null;
    readonly services: readonly ServiceRollbackResult[];
  };
  readonly errors: readonly string[];
  readonly exit_code: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Exit codes of `acgs deploy`: 0 success or dry run; 1 failed and fully rolled back (the system is as it
 * was); 2 failed and the rollback failed too or could not run (needs a human); see {@link DeploymentStatus}.
 */
export function deployExitCode(status: DeploymentStatus): number {
  switch (status) {
    case 'success':
    case 'dry_run':
      return 0;
    case 'rolled_back':
      return 1;
    case 'failed':
    case 'rollback_failed':
      return 2;
  }
}

/** Builds the deploy report from what the orchestrator recorded. */
export function buildDeployReport(input: DeployReportInput): DeployReport {
  const names = (status: ServiceDeployResult['status']) =>
    input.services.filter((s) => s.status === status).map((s) => s.name);
  const violations = input.manifestViolations ?? [];
  const failed = names('failed');
  const rollbackServices = input.rollback?.services ?? [];
  let status: DeploymentStatus;
  if (input.dryRun && failed.length === 0 && violations.length === 0 && (input.errors ?? []).length === 0)
    status = 'dry_run';
  else if (failed.length === 0 && violations.length === 0 && (input.errors ?? []).length === 0)
    status = 'success';
  else if (input.rollback === undefined) status = 'failed';
  else status = rollbackServices.some((s) => s.status === 'failed') ? 'rollback_failed' : 'rolled_back';
  const failingHash = input.services
    .filter((s) => s.health?.constitutional_hash_valid === false)
    .map((s) => s.name);
  return {
    report_type: 'deployment',
    deployment_id: input.deploymentId,
    timestamp: iso(input.finishedAt),
    started_at: iso(input.startedAt),
    finished_at: iso(input.finishedAt),
    duration_seconds: Math.max(0, input.finishedAt - input.startedAt) / 1000,
    namespace: input.namespace,
    environment: input.environment,
    driver: input.driver,
    dry_run: input.dryRun,
    deployment_status: status,
    constitutional_hash: input.constitutionalHash,
    constitutional_compliance: {
      hash: input.constitutionalHash,
      compliant: violations.length === 0 && failingHash.length === 0,
      manifest_violations: violations,
      services_failing_hash: failingHash,
    },
    deployment_order: input.waves,
    services: input.services,
    services_deployed: names('deployed'),
    services_unchanged: names('unchanged'),
    services_failed: failed,
    services_skipped: names('skipped'),
    rollback: {
      performed: input.rollback !== undefined,
      reason: input.rollback?.reason ?? null,
      services: rollbackServices,
    },
    errors: input.errors ?? [],
    exit_code: deployExitCode(status),
  };
}
