/**
 * POST /v1/time/resolve: a local date-time and a place → UTC, with IANA tzdb history, the zone found
 * from the coordinates offline, LMT before standard time, and DST gaps and folds as explicit choices.
 */
import { Type, type ServiceApp } from '@svc/kernel';
import { localTimeFields } from '../engine/request-schemas.js';
import { resolveRequest, timeAnswer, type TimeSources } from './time-answer.js';

/** POST /v1/time/resolve body. */
export const resolveBody = Type.Object({
  ...localTimeFields,
  latitude: Type.Number({ minimum: -90, maximum: 90 }),
  longitude: Type.Number({ minimum: -180, maximum: 180 }),
});

/** Registers the resolver route. */
export function registerResolveRoutes(app: ServiceApp, sources: TimeSources): void {
  app.post(
    '/v1/time/resolve',
    {
      schema: {
        summary: 'Local date-time + place → UTC (tzdb history, LMT, DST gap/fold choices)',
        description:
          'lmt_mode: longitude (mean time of the birth longitude, default) or tzdb (the zone\'s LMT). fold: earlier|later for repeated readings; gap: before|after for skipped ones. Both readings are returned in choices with a warning.',
        tags: ['time'],
        body: resolveBody,
      },
    },
    (request) => timeAnswer(resolveRequest(request.body, sources)),
  );
}
