/**
 * `DELETE {prefix}/users/{user_id}`: erases everything stored about one user (preference posterior,
 * elicitation queries, teaching beliefs), the guide's GDPR erasure.
 */
import { Type } from '@svc/kernel';
import type { ServiceApp } from '@svc/kernel';
import type { UserDataStore } from '../../adapters/user-data-store.js';
import { USER_ID_PATTERN } from '../preferences/user-state-store.js';

export interface UserDataRouteOptions {
  prefix: string;
  store: UserDataStore;
  /** Called once per erasure carried out (for a counter; never labelled per user). */
  onErase?: () => void;
}

const ErasureSchema = Type.Object({
  user_id: Type.String(),
  deleted: Type.Boolean(),
  entries_deleted: Type.Integer({ minimum: 0 }),
});

/** Registers the erasure route. */
export function registerUserDataRoutes(app: ServiceApp, options: UserDataRouteOptions): void {
  app.delete(
    `${options.prefix}/users/:user_id`,
    {
      schema: {
        summary: "Erase all of a user's stored data",
        description:
          'Deletes the preference posterior, every stored elicitation query and the teaching beliefs of this user. ' +
          'Idempotent: erasing a user with nothing stored answers `entries_deleted: 0`.',
        tags: ['users'],
        params: Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 100, pattern: USER_ID_PATTERN }) }),
        response: { 200: ErasureSchema },
      },
    },
    async (request) => {
      const entries = await options.store.deleteUser(request.params.user_id);
      options.onErase?.();
      return { user_id: request.params.user_id, deleted: true, entries_deleted: entries };
    },
  );
}
