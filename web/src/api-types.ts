// GENERATED from docs/openapi.json by openapi-typescript 7.13.0 (scripts/web-types.ts): do not edit.
// Regenerate with `npm run openapi` after changing routes, or `npm run openapi:web` when only
// docs/openapi.json changed (e.g. after a merge). test/http/web-types.test.ts fails when this is stale.

export interface paths {
  '/api/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password; sets an httpOnly session cookie
     * @description Failed sign-ins are counted per email and per client address: after a few, each attempt must wait longer, then the account is locked for a while (429 with Retry-After; the right password is refused too) until the lock runs out or an administrator unlocks it.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                email: string;
                name: string;
                role: 'admin' | 'member' | 'viewer';
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                hasPassword: boolean;
                /** @description The organisation that added this user; another organisation here (the exchange) is worth a look */
                addedBy?: {
                  /** Format: uuid */
                  orgId: string;
                  orgName: string;
                  orgKind:
                    | 'exchange'
                    | 'producer'
                    | 'warehouse'
                    | 'trader'
                    | 'lender'
                    | 'end_user'
                    | 'auditor'
                    | 'clearing_house';
                } | null;
              };
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The current session, if any (never 401): `{ signedIn: false }` for anonymous callers
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              signedIn: boolean;
              user?: {
                id: string;
                email: string;
                name: string;
                role: string;
              };
              apiKey?: {
                id: string;
                scopes: string[];
              };
              organisation?: {
                id: string;
                name: string;
                kind: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Sign out
     * @description **Permission:** `session.end` — A signed-in user (session cookie).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who am I: the signed-in user or API key and its organisation
     * @description **Permission:** `me.read` — Any signed-in user or API key.
     *
     *     **Permission:** `me.read` — Any signed-in user or API key.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              type: string;
              /** Format: uuid */
              userId?: string;
              email?: string;
              name?: string;
              role?: string;
              /** Format: uuid */
              keyId?: string;
              scopes?: string[];
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                kind:
                  | 'exchange'
                  | 'producer'
                  | 'warehouse'
                  | 'trader'
                  | 'lender'
                  | 'end_user'
                  | 'auditor'
                  | 'clearing_house';
                country: string | null;
                /** Format: date-time */
                createdAt: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List organisations (the exchange sees all; others see their own)
     * @description **Permission:** `organisations.read` — Any signed-in caller; the exchange sees every organisation, others their own.
     *
     *     **Permission:** `organisations.read` — Any signed-in caller; the exchange sees every organisation, others their own.
     */
    get: {
      parameters: {
        query?: {
          kind?:
            | 'exchange'
            | 'producer'
            | 'warehouse'
            | 'trader'
            | 'lender'
            | 'end_user'
            | 'auditor'
            | 'clearing_house';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                kind:
                  | 'exchange'
                  | 'producer'
                  | 'warehouse'
                  | 'trader'
                  | 'lender'
                  | 'end_user'
                  | 'auditor'
                  | 'clearing_house';
                country: string | null;
                /** Format: date-time */
                createdAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an organisation (exchange administrators)
     * @description **Permission:** `organisations.create` — Exchange administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            kind:
              | 'exchange'
              | 'producer'
              | 'warehouse'
              | 'trader'
              | 'lender'
              | 'end_user'
              | 'auditor'
              | 'clearing_house';
            country?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              kind:
                | 'exchange'
                | 'producer'
                | 'warehouse'
                | 'trader'
                | 'lender'
                | 'end_user'
                | 'auditor'
                | 'clearing_house';
              country: string | null;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisation-directory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organisations on the register by name, kind and country (any signed-in caller), e.g. to choose a CBAM grantee or an auditor
     * @description **Permission:** `directory.read` — Any signed-in caller: the names and kinds of the organisations on the register (to choose a grantee or an auditor).
     *
     *     **Permission:** `directory.read` — Any signed-in caller: the names and kinds of the organisations on the register (to choose a grantee or an auditor).
     */
    get: {
      parameters: {
        query?: {
          kind?:
            | 'exchange'
            | 'producer'
            | 'warehouse'
            | 'trader'
            | 'lender'
            | 'end_user'
            | 'auditor'
            | 'clearing_house';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                kind:
                  | 'exchange'
                  | 'producer'
                  | 'warehouse'
                  | 'trader'
                  | 'lender'
                  | 'end_user'
                  | 'auditor'
                  | 'clearing_house';
                country: string | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{orgId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One organisation
     * @description **Permission:** `organisations.read` — Any signed-in caller; the exchange sees every organisation, others their own.
     *
     *     **Permission:** `organisations.read` — Any signed-in caller; the exchange sees every organisation, others their own.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              kind:
                | 'exchange'
                | 'producer'
                | 'warehouse'
                | 'trader'
                | 'lender'
                | 'end_user'
                | 'auditor'
                | 'clearing_house';
              country: string | null;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{orgId}/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an organisation's users (its administrators, or the exchange's)
     * @description **Permission:** `users.manage` — Administrators of the user's organisation, or exchange administrators.
     *
     *     **Permission:** `users.manage` — Administrators of the user's organisation, or exchange administrators.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: ({
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                email: string;
                name: string;
                role: 'admin' | 'member' | 'viewer';
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                hasPassword: boolean;
                /** @description The organisation that added this user; another organisation here (the exchange) is worth a look */
                addedBy?: {
                  /** Format: uuid */
                  orgId: string;
                  orgName: string;
                  orgKind:
                    | 'exchange'
                    | 'producer'
                    | 'warehouse'
                    | 'trader'
                    | 'lender'
                    | 'end_user'
                    | 'auditor'
                    | 'clearing_house';
                } | null;
              } & {
                /** @description Until when signing in is locked after too many failed attempts; null when it is not */
                signInLockedUntil: string | null;
              })[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a user with a password, or invite one (no password: a one-time invitation token is returned)
     * @description **Permission:** `users.manage` — Administrators of the user's organisation, or exchange administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            role: 'admin' | 'member' | 'viewer';
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                email: string;
                name: string;
                role: 'admin' | 'member' | 'viewer';
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                hasPassword: boolean;
                /** @description The organisation that added this user; another organisation here (the exchange) is worth a look */
                addedBy?: {
                  /** Format: uuid */
                  orgId: string;
                  orgName: string;
                  orgKind:
                    | 'exchange'
                    | 'producer'
                    | 'warehouse'
                    | 'trader'
                    | 'lender'
                    | 'end_user'
                    | 'auditor'
                    | 'clearing_house';
                } | null;
              };
              /** @description Shown once */
              invitationToken?: string;
              /** Format: date-time */
              invitationExpiresAt?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{orgId}/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a user from an organisation: the account is disabled, its sessions and invitation end (its administrators, or the exchange's)
     * @description **Permission:** `users.manage` — Administrators of the user's organisation, or exchange administrators.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orgId: string;
              email: string;
              name: string;
              role: 'admin' | 'member' | 'viewer';
              /** Format: date-time */
              createdAt: string;
              disabled: boolean;
              hasPassword: boolean;
              /** @description The organisation that added this user; another organisation here (the exchange) is worth a look */
              addedBy?: {
                /** Format: uuid */
                orgId: string;
                orgName: string;
                orgKind:
                  | 'exchange'
                  | 'producer'
                  | 'warehouse'
                  | 'trader'
                  | 'lender'
                  | 'end_user'
                  | 'auditor'
                  | 'clearing_house';
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{orgId}/users/{userId}/sign-in-lock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Unlock a user's sign-in after too many failed attempts, forgetting them (its administrators, or the exchange's)
     * @description **Permission:** `users.unlock` — Signed-in administrators of the user's organisation, or the exchange's (an API key cannot lift a lock that guards against guessing).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                email: string;
                name: string;
                role: 'admin' | 'member' | 'viewer';
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                hasPassword: boolean;
                /** @description The organisation that added this user; another organisation here (the exchange) is worth a look */
                addedBy?: {
                  /** Format: uuid */
                  orgId: string;
                  orgName: string;
                  orgKind:
                    | 'exchange'
                    | 'producer'
                    | 'warehouse'
                    | 'trader'
                    | 'lender'
                    | 'end_user'
                    | 'auditor'
                    | 'clearing_house';
                } | null;
              };
              /** @description Whether signing in was locked until now */
              wasLocked: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invitations/acceptance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation by choosing a password and, optionally, the name others see (it replaces the name given in the invitation)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your organisation's API keys (never their secrets), and the scopes a new key of your organisation may carry
     * @description **Permission:** `apikeys.manage` — Administrators of the organisation, signed in (an API key cannot mint keys).
     *
     *     **Permission:** `apikeys.manage` — Administrators of the organisation, signed in (an API key cannot mint keys).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                name: string;
                prefix: string;
                scopes: string[];
                /** Format: date-time */
                createdAt: string;
                lastUsedAt: string | null;
                revokedAt: string | null;
                /** @description Scopes this key carries that its organisation's kind may not hold; a key with any is refused (revoke it and create another) */
                unfitScopes?: string[];
              }[];
              availableScopes: (
                | 'read'
                | 'certificates:write'
                | 'sustainability:write'
                | 'cbam:write'
                | 'warehouse:write'
                | 'warrants:write'
                | 'pledges:write'
                | 'brands:write'
                | 'specs:write'
                | 'admin'
              )[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key for your organisation; the key is shown once
     * @description **Permission:** `apikeys.manage` — Administrators of the organisation, signed in (an API key cannot mint keys).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scopes: (
              | 'read'
              | 'certificates:write'
              | 'sustainability:write'
              | 'cbam:write'
              | 'warehouse:write'
              | 'warrants:write'
              | 'pledges:write'
              | 'brands:write'
              | 'specs:write'
              | 'admin'
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              apiKey: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                name: string;
                prefix: string;
                scopes: string[];
                /** Format: date-time */
                createdAt: string;
                lastUsedAt: string | null;
                revokedAt: string | null;
                /** @description Scopes this key carries that its organisation's kind may not hold; a key with any is refused (revoke it and create another) */
                unfitScopes?: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description **Permission:** `apikeys.manage` — Administrators of the organisation, signed in (an API key cannot mint keys).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orgId: string;
              name: string;
              prefix: string;
              scopes: string[];
              /** Format: date-time */
              createdAt: string;
              lastUsedAt: string | null;
              revokedAt: string | null;
              /** @description Scopes this key carries that its organisation's kind may not hold; a key with any is refused (revoke it and create another) */
              unfitScopes?: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/api-keys/{keyId}/lock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Unlock an API key after too many failed attempts with its prefix, forgetting them
     * @description **Permission:** `apikeys.manage` — Administrators of the organisation, signed in (an API key cannot mint keys).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              apiKey: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orgId: string;
                name: string;
                prefix: string;
                scopes: string[];
                /** Format: date-time */
                createdAt: string;
                lastUsedAt: string | null;
                revokedAt: string | null;
                /** @description Scopes this key carries that its organisation's kind may not hold; a key with any is refused (revoke it and create another) */
                unfitScopes?: string[];
              };
              /** @description Whether the key was locked until now */
              wasLocked: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/metals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The nine contracts with the specification in force on a date (default today)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD */
          on?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description LME contract code */
                metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
                spec: components['schemas']['ContractSpec'] | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/metals/{metal}/specs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version of a contract specification
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          metal: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ContractSpec'][];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Publish a new specification version (the exchange); the version number is assigned
     * @description **Permission:** `specs.write` — Exchange members and administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          metal: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveFrom: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              version: number;
              /** Format: date */
              effectiveFrom: string;
              metalName: string;
              qualityStandard: string;
              grade?: string;
              alsoAccepted: string[];
              purity: {
                element: string;
                min: string;
                basis: string;
              } | null;
              elements: {
                [key: string]: {
                  max: string;
                };
              };
              groups: {
                id: string;
                label: string;
                elements: string[];
                max: string;
              }[];
              /** @description Alloy contracts: registered designations with mass % ranges; an analysis conforms when it meets one */
              designations?: {
                id: string;
                name: string;
                elements: {
                  [key: string]: {
                    min?: string;
                    max?: string;
                    source: string;
                  };
                };
                others?: {
                  each?: string;
                  total?: string;
                  source: string;
                };
                sources: {
                  [key: string]: string;
                };
                unconfirmed?: string[];
              }[];
              lotTonnes: string;
              warrantTolerancePct: string;
              shapes: string[];
              monthlyPromptMonths: number;
              unconfirmed: string[];
              notes?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/metals/{metal}/specs/in-force': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The specification version in force for metal produced on a date (default today)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD */
          on?: string;
        };
        header?: never;
        path: {
          metal: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              version: number;
              /** Format: date */
              effectiveFrom: string;
              metalName: string;
              qualityStandard: string;
              grade?: string;
              alsoAccepted: string[];
              purity: {
                element: string;
                min: string;
                basis: string;
              } | null;
              elements: {
                [key: string]: {
                  max: string;
                };
              };
              groups: {
                id: string;
                label: string;
                elements: string[];
                max: string;
              }[];
              /** @description Alloy contracts: registered designations with mass % ranges; an analysis conforms when it meets one */
              designations?: {
                id: string;
                name: string;
                elements: {
                  [key: string]: {
                    min?: string;
                    max?: string;
                    source: string;
                  };
                };
                others?: {
                  each?: string;
                  total?: string;
                  source: string;
                };
                sources: {
                  [key: string]: string;
                };
                unconfirmed?: string[];
              }[];
              lotTonnes: string;
              warrantTolerancePct: string;
              shapes: string[];
              monthlyPromptMonths: number;
              unconfirmed: string[];
              notes?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/chemistry/checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check an analysis against the specification in force (no record is made)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description LME contract code */
            metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            productionDate?: string;
            /** @description Element symbol → reported value */
            analysis: {
              [key: string]: {
                /** @description Plain decimal, e.g. "0.0026" */
                value: string;
                unit: '%' | 'ppm';
                /** @description "<" = below detection limit */
                operator?: '=' | '<' | '<=';
                uncertainty?: string;
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              spec: {
                metal: string;
                version: number;
                qualityStandard: string;
              };
              result: {
                verdict: 'conforming' | 'non_conforming';
                elements: {
                  element: string;
                  /** @description Mass %, minimal decimal string */
                  reported: string;
                  operator: '=' | '<' | '<=';
                  uncertainty?: string;
                  limit?: string;
                  min?: string;
                  status: 'ok' | 'exceeds' | 'below' | 'no_limit';
                }[];
                groups: {
                  id: string;
                  label: string;
                  sum: string;
                  limit: string;
                  status: 'ok' | 'exceeds';
                  includesBounds: boolean;
                }[];
                purity: {
                  element: string;
                  value: string;
                  min: string;
                  basis: 'reported' | 'difference';
                  status: 'ok' | 'below';
                  includesBounds: boolean;
                  uncertainty?: string;
                } | null;
                notReported: string[];
                reasons: {
                  code: string;
                  path: string;
                  message: string;
                }[];
                designation?: {
                  /** @description The first designation met, in the spec’s order */
                  matched: string | null;
                  met: string[];
                  /** @description Whose limits the element rows show */
                  shownAgainst: string;
                  checks: {
                    id: string;
                    met: boolean;
                    failures: {
                      element: string;
                      problem: string;
                      reported?: string;
                      limit: string;
                    }[];
                  }[];
                };
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The brand register (public); `mine=true` lists your own organisation’s brands
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          status?: 'listed' | 'suspended' | 'delisted';
          producerOrgId?: string;
          q?: string;
          mine?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
                producer: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                plant: {
                  name: string;
                  country: string;
                };
                shapes: string[];
                /** @description Only for the exchange and the brand’s producer */
                annualCapacityTonnes?: string | null;
                status: 'listed' | 'suspended' | 'delisted';
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * List a new brand (the exchange)
     * @description **Permission:** `brands.write` — Exchange members and administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description LMEsword-style brand code, e.g. NORNI */
            code: string;
            name: string;
            /** @description LME contract code */
            metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /** Format: uuid */
            producerOrgId: string;
            plant: {
              name: string;
              /** @description ISO 3166-1 alpha-2 */
              country: string;
            };
            shapes: string[];
            annualCapacityTonnes?: string | null;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            listedFrom?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              metal: string;
              producer: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              plant: {
                name: string;
                country: string;
              };
              shapes: string[];
              /** @description Only for the exchange and the brand’s producer */
              annualCapacityTonnes?: string | null;
              status: 'listed' | 'suspended' | 'delisted';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One brand, by id or code
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              metal: string;
              producer: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              plant: {
                name: string;
                country: string;
              };
              shapes: string[];
              /** @description Only for the exchange and the brand’s producer */
              annualCapacityTonnes?: string | null;
              status: 'listed' | 'suspended' | 'delisted';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Correct a brand’s name, plant name, shapes or capacity (the exchange)
     * @description **Permission:** `brands.write` — Exchange members and administrators.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            plantName?: string;
            shapes?: string[];
            annualCapacityTonnes?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              metal: string;
              producer: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              plant: {
                name: string;
                country: string;
              };
              shapes: string[];
              /** @description Only for the exchange and the brand’s producer */
              annualCapacityTonnes?: string | null;
              status: 'listed' | 'suspended' | 'delisted';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/brands/{brand}/status-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend, delist or relist a brand, with a reason (the exchange)
     * @description **Permission:** `brands.write` — Exchange members and administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            status: 'listed' | 'suspended' | 'delisted';
            reason: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveDate?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              metal: string;
              producer: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              plant: {
                name: string;
                country: string;
              };
              shapes: string[];
              /** @description Only for the exchange and the brand’s producer */
              annualCapacityTonnes?: string | null;
              status: 'listed' | 'suspended' | 'delisted';
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/status-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Dated history of a brand’s status
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                status: 'listed' | 'suspended' | 'delisted';
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
                /** Format: date-time */
                recordedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search certificates (newest first, cursor-paginated), or look one up by its number
     * @description Signed-in callers list the certificates they may read in full: a producer its own, the exchange all. Anyone may look one certificate up by `number` (case and spaces do not matter), alone: the minimal view unless entitled. Without a number, anonymous callers are refused (401).
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description Certificate number, e.g. AS-0000000123 */
          number?: string;
          /** @description Any part of the brand code (any case, spaces ignored) or name, or the brand id */
          brand?: string;
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          status?: 'issued' | 'rejected' | 'revoked';
          /** @description YYYY-MM-DD */
          producedFrom?: string;
          /** @description YYYY-MM-DD */
          producedTo?: string;
          /** @description The leading part of the PCR, any case */
          pcrPrefix?: string;
          mine?: boolean;
          /** @description Only rejections not yet dealt with: rejected, and neither certified since (an issued or revoked certificate for the same brand and PCR) nor attempted again */
          needsAttention?: boolean;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
                view: string;
                /** Format: uuid */
                id: string;
                number: string;
                brand: {
                  /** Format: uuid */
                  id?: string;
                  code: string;
                  name: string;
                };
                metal: string;
                status: string;
                version: number;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                productionDate: string;
                /** Format: date-time */
                issuedAt: string;
                /** Format: date-time */
                updatedAt: string;
                contentDigest: string;
                /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
                revocation?: {
                  /** Format: date-time */
                  revokedAt: string;
                  reason: string;
                };
                pcr?: string;
                producer?: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                originCountry?: string;
                /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
                warrantEligible?: boolean;
                statusReason?: string | null;
              }[];
              /** @description Pass as `cursor` for the next page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Issue an eCOA for a production cast of one of your listed brands
     * @description The submission is checked against the brand and the contract specification in force on the production date. A conforming submission is stored with status `issued`; a non-conforming one is stored with status `rejected` and every reason, so it can be fixed and resubmitted. Both answer 201. Malformed input answers 400 and stores nothing; a second live certificate for the same brand + PCR answers 409.
     *
     *     **Permission:** `certificates.issue` — Producer members and administrators, for their own organisation's listed brands.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Brand code (e.g. NORNI) or id */
            brand: string;
            /** @description Production cast reference */
            pcr: string;
            /** @description LME contract code */
            metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            productionDate: string;
            /** @description ISO 3166-1 alpha-2 */
            originCountry: string;
            shape: string;
            dimensions?: {
              lengthMm?: string;
              widthMm?: string;
              thicknessMm?: string;
              heightMm?: string;
              description?: string;
            };
            pieces: number;
            bundles: {
              number: string;
              pieces: number;
              /** @description kg, up to 3 decimals */
              netKg: string;
              /** @description kg, up to 3 decimals */
              grossKg?: string;
            }[];
            /** @description kg, up to 3 decimals */
            grossWeightKg: string;
            /** @description kg, up to 3 decimals */
            netWeightKg: string;
            /** @description Element symbol → reported value */
            chemistry: {
              [key: string]: {
                /** @description Plain decimal, e.g. "0.0026" */
                value: string;
                unit: '%' | 'ppm';
                /** @description "<" = below detection limit */
                operator?: '=' | '<' | '<=';
                uncertainty?: string;
              };
            };
            laboratory: {
              name: string;
              accreditation?: string;
              reportNumber?: string;
            };
            signatory: {
              name: string;
              title?: string;
            };
            remarks?: string;
          };
        };
      };
      responses: {
        /** @description Full for the issuing producer and the exchange; the minimal verification view for everyone else */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
              view: string;
              /** Format: uuid */
              id: string;
              number: string;
              brand: {
                /** Format: uuid */
                id?: string;
                code: string;
                name: string;
              };
              metal: string;
              status: string;
              version: number;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              productionDate: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: date-time */
              updatedAt: string;
              contentDigest: string;
              /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
              revocation?: {
                /** Format: date-time */
                revokedAt: string;
                reason: string;
              };
              pcr?: string;
              producer?: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              originCountry?: string;
              /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
              warrantEligible?: boolean;
              statusReason?: string | null;
              verdict?: string;
              reasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              chemistryCheck?: {
                [key: string]: unknown;
              } | null;
              warrantReasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason?: string | null;
              content?: {
                [key: string]: unknown;
              };
              versions?: {
                version: number;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                amendmentReason: string | null;
                superseded: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One certificate, by id or by its number (e.g. AS-0000000123)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Certificate id (UUID) or number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Full for the issuing producer and the exchange; the minimal verification view for everyone else */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
              view: string;
              /** Format: uuid */
              id: string;
              number: string;
              brand: {
                /** Format: uuid */
                id?: string;
                code: string;
                name: string;
              };
              metal: string;
              status: string;
              version: number;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              productionDate: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: date-time */
              updatedAt: string;
              contentDigest: string;
              /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
              revocation?: {
                /** Format: date-time */
                revokedAt: string;
                reason: string;
              };
              pcr?: string;
              producer?: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              originCountry?: string;
              /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
              warrantEligible?: boolean;
              statusReason?: string | null;
              verdict?: string;
              reasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              chemistryCheck?: {
                [key: string]: unknown;
              } | null;
              warrantReasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason?: string | null;
              content?: {
                [key: string]: unknown;
              };
              versions?: {
                version: number;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                amendmentReason: string | null;
                superseded: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/certificates/{pcr}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The certificate of a brand’s production cast (brand code or id + PCR)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          brand: string;
          pcr: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Full for the issuing producer and the exchange; the minimal verification view for everyone else */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
              view: string;
              /** Format: uuid */
              id: string;
              number: string;
              brand: {
                /** Format: uuid */
                id?: string;
                code: string;
                name: string;
              };
              metal: string;
              status: string;
              version: number;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              productionDate: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: date-time */
              updatedAt: string;
              contentDigest: string;
              /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
              revocation?: {
                /** Format: date-time */
                revokedAt: string;
                reason: string;
              };
              pcr?: string;
              producer?: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              originCountry?: string;
              /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
              warrantEligible?: boolean;
              statusReason?: string | null;
              verdict?: string;
              reasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              chemistryCheck?: {
                [key: string]: unknown;
              } | null;
              warrantReasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason?: string | null;
              content?: {
                [key: string]: unknown;
              };
              versions?: {
                version: number;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                amendmentReason: string | null;
                superseded: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version, superseded ones included (issuing producer and exchange)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                version: number;
                superseded: boolean;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                reasons: {
                  code: string;
                  path: string;
                  message: string;
                }[];
                warrantReasons: {
                  code: string;
                  path: string;
                  message: string;
                }[];
                amendmentReason: string | null;
                content: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One version (issuing producer and exchange)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              superseded: boolean;
              /** Format: date-time */
              createdAt: string;
              contentDigest: string;
              verdict: string;
              reasons: {
                code: string;
                path: string;
                message: string;
              }[];
              warrantReasons: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason: string | null;
              content: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Amend: a new version with a reason; the old one is superseded and stays readable
     * @description **Permission:** `certificates.issue` — Producer members and administrators, for their own organisation's listed brands.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            certificate: components['schemas']['CertificateSubmission'];
          };
        };
      };
      responses: {
        /** @description Full for the issuing producer and the exchange; the minimal verification view for everyone else */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
              view: string;
              /** Format: uuid */
              id: string;
              number: string;
              brand: {
                /** Format: uuid */
                id?: string;
                code: string;
                name: string;
              };
              metal: string;
              status: string;
              version: number;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              productionDate: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: date-time */
              updatedAt: string;
              contentDigest: string;
              /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
              revocation?: {
                /** Format: date-time */
                revokedAt: string;
                reason: string;
              };
              pcr?: string;
              producer?: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              originCountry?: string;
              /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
              warrantEligible?: boolean;
              statusReason?: string | null;
              verdict?: string;
              reasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              chemistryCheck?: {
                [key: string]: unknown;
              } | null;
              warrantReasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason?: string | null;
              content?: {
                [key: string]: unknown;
              };
              versions?: {
                version: number;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                amendmentReason: string | null;
                superseded: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/revocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke an issued certificate, with a reason (the issuing producer or the exchange)
     * @description **Permission:** `certificates.revoke` — The issuing producer or the exchange.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Full for the issuing producer and the exchange; the minimal verification view for everyone else */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "minimal" for the public verification view, "summary" or "full" for the entitled */
              view: string;
              /** Format: uuid */
              id: string;
              number: string;
              brand: {
                /** Format: uuid */
                id?: string;
                code: string;
                name: string;
              };
              metal: string;
              status: string;
              version: number;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              productionDate: string;
              /** Format: date-time */
              issuedAt: string;
              /** Format: date-time */
              updatedAt: string;
              contentDigest: string;
              /** @description Present when revoked: when the revocation was logged, and the reason its producer or the exchange gave */
              revocation?: {
                /** Format: date-time */
                revokedAt: string;
                reason: string;
              };
              pcr?: string;
              producer?: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              originCountry?: string;
              /** @description Eligible for warranting: never for a revoked or rejected certificate (everyone sees false then; true only to the entitled) */
              warrantEligible?: boolean;
              statusReason?: string | null;
              verdict?: string;
              reasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              chemistryCheck?: {
                [key: string]: unknown;
              } | null;
              warrantReasons?: {
                code: string;
                path: string;
                message: string;
              }[];
              amendmentReason?: string | null;
              content?: {
                [key: string]: unknown;
              };
              versions?: {
                version: number;
                /** Format: date-time */
                createdAt: string;
                contentDigest: string;
                verdict: string;
                amendmentReason: string | null;
                superseded: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The certificate as a printable A4 PDF (English + Chinese), with a QR code and its credential attached
     * @description Same entitlement as the credential (the issuing producer and the exchange). The signed credential is attached as `credential.jwt` and its log proof as `proof.txt`; the QR code opens the public verification page.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hant' | 'zh-Hans';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/verify/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a certificate PDF: upload it (multipart, one file); its attached credential and proof are checked
     * @description Public. The file may be at most `ASSAY_PDF_MAX_BYTES` (413 beyond, refused as soon as the limit is passed). It is read on a worker thread with a time limit, and only its attached files are inflated, within a byte cap; a file that is not a PDF Assay can read, or exceeds a limit, answers 422; 503 when too many PDFs are being read at once.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checks: {
                name:
                  | 'format'
                  | 'signature'
                  | 'issuer'
                  | 'key_validity'
                  | 'schema'
                  | 'status'
                  | 'log_inclusion'
                  | 'witnesses'
                  | 'current';
                status: 'pass' | 'fail' | 'skip';
                reason: string;
              }[];
              /** @description The credential type, e.g. CertificateOfAnalysis */
              type?: string;
              /** @description Present when the signature verified (the fields are then authenticated) */
              summary?: {
                id: string;
                number: string;
                version: number;
                /** @description Brand code */
                brand: string;
                metal: string;
                /** @description Left out for callers who may not read the full certificate */
                pcr?: string;
                productionDate: string;
                /** @description Issuer DID */
                issuer: string;
                issuedAt: string;
              };
              /** @description Present when the signature verified (the fields are then authenticated) */
              certificate?: {
                id: string;
                number: string;
                version: number;
                /** @description Brand code */
                brand: string;
                metal: string;
                /** @description Left out for callers who may not read the full certificate */
                pcr?: string;
                productionDate: string;
                /** @description Issuer DID */
                issuer: string;
                issuedAt: string;
              };
              /** @description A stored certificate that is revoked: when the revocation was logged and the reason given (revoked is not forged: the other checks still pass) */
              revocation?: {
                revokedAt: string;
                reason: string;
              };
              /** @description Names of the files found attached to the PDF */
              attachments: string[];
              /** @description The credential attached to the PDF (vc+jwt), so that whoever holds the PDF can read what it signs */
              credential?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your organisation’s imports, newest first (the exchange sees all)
     * @description **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     *
     *     **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ImportJob'][];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a CSV, Excel (.xlsx) or NDJSON file of eCOAs to import
     * @description Send `multipart/form-data` with one part named `file`. The file is checked before anything is written: a file that does not follow the template, is not UTF-8, uses the wrong CSV delimiter, is too large or is a hostile archive answers 413 or 422 and creates nothing. A good file becomes a job (202) that runs in the background, committing in chunks; follow it at `GET /api/v1/imports/{importId}`. Every row is checked with the same rules as single issue: conforming casts are issued, signed and logged; non-conforming ones are stored as rejected certificates (as the single-issue API does); rows that are malformed or conflict with a registered certificate are only reported. The same file uploaded again answers 200 with `duplicate: true` and changes nothing.
     *
     *     **Permission:** `imports.create` — Producer members and administrators, importing eCOAs for their own organisation's brands.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              job: components['schemas']['ImportJob'];
              duplicate: boolean;
              message: string;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              job: components['schemas']['ImportJob'];
              duplicate: boolean;
              message: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{importId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Progress of an import: rows and certificates done, accepted, rejected, rate and ETA
     * @description **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     *
     *     **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          importId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              status: 'queued' | 'running' | 'completed' | 'failed';
              /** Format: uuid */
              producerOrgId: string;
              filename: string;
              format: 'csv' | 'xlsx' | 'ndjson';
              /** @description SHA-256 of the uploaded bytes; the same file uploaded again is recognised by it */
              sha256: string;
              bytes: number;
              /** @description Data rows of the file (bundle rows; lines for NDJSON) */
              rows: {
                total: number;
                done: number;
              };
              /** @description When completed, accepted + rejected + unchanged = total */
              records: {
                /** @description Certificates the rows make up */
                total: number;
                done: number;
                /** @description Issued or amended */
                accepted: number;
                /** @description Invalid, non-conforming (stored as rejected certificates) or in conflict; see the errors */
                rejected: number;
                /** @description Already registered with identical content */
                unchanged: number;
              };
              /** @description Rows of the error report */
              errors: number;
              /** @description Certificates per second in the current run */
              rate: number | null;
              etaSeconds: number | null;
              failure: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{importId}/errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The error report: row, column, value, code and reason of every row not issued
     * @description `format=json` (default) pages through the errors; `csv` and `xlsx` download the whole report. Values that a spreadsheet would run as a formula are prefixed with an apostrophe.
     *
     *     **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     *
     *     **Permission:** `imports.read` — The producer that uploaded the import, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'csv' | 'xlsx';
          after?: number;
          limit?: number;
        };
        header?: never;
        path: {
          importId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The error report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Spreadsheet row (the header is row 1) or NDJSON line */
                row: number;
                column: string;
                value: string | null;
                code: string;
                reason: string;
              }[];
              /** @description Pass as `after` for the next page */
              next: number | null;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/import-templates/{metal}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The import template of a metal: Excel workbook, CSV, or NDJSON example lines
     * @description The workbook has the data sheet (one row per bundle; dropdowns for shape, unit, country and metal), a filled example and a sheet explaining every column. The CSV has the same header and example rows (replace them). NDJSON is one certificate submission (the body of `POST /api/v1/certificates`) per line, with an optional top-level `amendmentReason`.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          format?: 'xlsx' | 'csv' | 'ndjson';
        };
        header?: never;
        path: {
          /** @description LME contract code */
          metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/x-ndjson': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'application/x-ndjson': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a credential you hold: send the vc+jwt (JSON { credential, proof? } or application/vc+jwt)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                credential: string;
                proof?: string;
                /** @description Witness cosignatures required */
                witnesses?: number;
              }
            | string;
        };
      };
      responses: {
        /** @description Each check answered separately: pass, fail or skip, with a reason in plain words */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checks: {
                name:
                  | 'format'
                  | 'signature'
                  | 'issuer'
                  | 'key_validity'
                  | 'schema'
                  | 'status'
                  | 'log_inclusion'
                  | 'witnesses'
                  | 'current';
                status: 'pass' | 'fail' | 'skip';
                reason: string;
              }[];
              /** @description The credential type, e.g. CertificateOfAnalysis */
              type?: string;
              /** @description What the credential says, once its signature verified */
              summary?: {
                [key: string]: unknown;
              };
              /** @description For a certificate, the summary again (older clients read it here) */
              certificate?: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/trust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The trust bundle for offline verification: log key, issuer keys with validity, status lists
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jwks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every issuer public key ever used (JWKS)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/status/{orgId}/revocation/{listNo}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An issuer’s Bitstring Status List credential (vc+jwt)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
          listNo: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/log/checkpoint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The latest signed checkpoint (C2SP)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/log/tile/{*}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * C2SP tlog-tiles: hash tiles and entry bundles
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          '*': string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/log/entries/{index}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One log entry
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          index: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/log/proofs/inclusion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * RFC 6962 inclusion proof of entry `index` in the tree of `size`
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          index: number;
          size: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              index: number;
              size: number;
              hashes: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/log/proofs/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * RFC 6962 consistency proof between two tree sizes
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          from: number;
          to: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: number;
              to: number;
              hashes: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/log/witnesses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Witnesses whose cosignatures the registry accepts
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                name: string;
                verifierKey: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Register a witness by its C2SP cosignature/v1 verifier key (exchange administrators)
     * @description **Permission:** `witnesses.manage` — Exchange administrators.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            verifierKey: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              name: string;
              verifierKey: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/log/cosignatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hand in a witness cosignature of a checkpoint; kept only if it verifies
     * @description signatureLine is exactly one C2SP signed-note line, without its newline: `— <witness> base64(key ID ‖ timestamp ‖ Ed25519 signature)`, by the witness’s registered cosignature/v1 key over that checkpoint. 201 when it is stored; 200 when the witness already has a valid cosignature of that checkpoint (the first is kept).
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            size: number;
            witness: string;
            signatureLine: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              size: number;
              witness: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              size: number;
              witness: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{orgId}/keys/rotation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the organisation’s issuer key; the old key stays valid for what it signed
     * @description **Permission:** `keys.rotate` — Administrators of the issuing organisation, or the exchange's.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              retired: string | null;
              active: string;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/credential': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The certificate as a signed W3C Verifiable Credential (vc+jwt); issuing producer and exchange
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description application/vc+jwt */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * C2SP tlog-proof bundle: the log entry of the current version, its inclusion proof and a signed checkpoint
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/plain */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Verify the current credential server-side: signature, issuer, key validity, schema, status, log inclusion, currency
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description Witness cosignatures required */
          witnesses?: number;
        };
        header?: never;
        path: {
          /** @description Certificate id (UUID) or number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Each check answered separately: pass, fail or skip, with a reason in plain words */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checks: {
                name:
                  | 'format'
                  | 'signature'
                  | 'issuer'
                  | 'key_validity'
                  | 'schema'
                  | 'status'
                  | 'log_inclusion'
                  | 'witnesses'
                  | 'current';
                status: 'pass' | 'fail' | 'skip';
                reason: string;
              }[];
              /** @description The credential type, e.g. CertificateOfAnalysis */
              type?: string;
              /** @description Present when the signature verified (the fields are then authenticated) */
              summary?: {
                id: string;
                number: string;
                version: number;
                /** @description Brand code */
                brand: string;
                metal: string;
                /** @description Left out for callers who may not read the full certificate */
                pcr?: string;
                productionDate: string;
                /** @description Issuer DID */
                issuer: string;
                issuedAt: string;
              };
              /** @description Present when the signature verified (the fields are then authenticated) */
              certificate?: {
                id: string;
                number: string;
                version: number;
                /** @description Brand code */
                brand: string;
                metal: string;
                /** @description Left out for callers who may not read the full certificate */
                pcr?: string;
                productionDate: string;
                /** @description Issuer DID */
                issuer: string;
                issuedAt: string;
              };
              /** @description A stored certificate that is revoked: when the revocation was logged and the reason given (revoked is not forged: the other checks still pass) */
              revocation?: {
                revokedAt: string;
                reason: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Topics, recognised standards, approved emissions methodologies, premium thresholds and CBAM settings
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference/topics/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Add or edit a disclosure topic (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference/standards/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Add or edit a recognised standard (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            body: string;
            category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
            metals: string[];
            recognised: boolean;
            qualifiesForPremium: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference/methodologies/{metal}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a metal's one approved emissions methodology (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description LME contract code */
          metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            name: string;
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference/premium-thresholds/{metal}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a metal's sustainable-premium carbon threshold (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description LME contract code */
          metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Plain non-negative decimal as a string, e.g. "1.83" */
            maxTco2ePerTonne: string;
            requiresRecognisedStandard: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/reference/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * CBAM daily-update start date and metals whose sourcing tracks are public by rule (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            cbamDailyFrom: string;
            publicTrackMetals: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              topics: {
                code: string;
                name: string;
                pillar: 'environmental' | 'social' | 'governance' | 'multi_dimensional';
              }[];
              standards: {
                code: string;
                name: string;
                body: string;
                category: 'responsible_sourcing' | 'management_system' | 'emissions' | 'multi_dimensional';
                /** @description Empty: every metal */
                metals: string[];
                recognised: boolean;
                qualifiesForPremium: boolean;
              }[];
              methodologies: {
                metal: string;
                code: string;
                name: string;
                body: string;
              }[];
              premiumThresholds: {
                metal: string;
                maxTco2ePerTonne: string;
                requiresRecognisedStandard: boolean;
              }[];
              settings: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                cbamDailyFrom: string;
                publicTrackMetals: string[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence-files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload an evidence file (base64, at most 5 MiB); it is kept with its SHA-256 and logged
     * @description **Permission:** `sustainability.file` — Producer members and administrators, for their own organisation's brands and disclosures.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            filename: string;
            mediaType: string;
            /** @description The file, base64 (at most 5 MiB decoded) */
            contentBase64: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              filename: string;
              mediaType: string;
              sizeBytes: number;
              sha256: string;
              /** Format: date-time */
              uploadedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evidence-files/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an evidence file (readable wherever an item citing it is readable)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          fileId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/sourcing-tracks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the brand's responsible-sourcing track (A–D) from a date, with its evidence (the producer)
     * @description **Permission:** `sustainability.file` — Producer members and administrators, for their own organisation's brands and disclosures.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A recognised standard, B audited RFA, C published RFA, D secondary materials */
            track: 'A' | 'B' | 'C' | 'D';
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveFrom: string;
            standardCode?: string;
            auditor?: {
              name: string;
              reportReference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              reportDate: string;
            };
            rfa?: {
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              assessmentDate: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              publishedAt?: string;
              /** Format: uri */
              publicationUrl?: string;
              /** @description The three location red flags */
              locationRedFlags: {
                answer: 'yes' | 'no';
                explanation?: string;
              }[];
              /** @description The two supplier red flags */
              supplierRedFlags: {
                answer: 'yes' | 'no';
                explanation?: string;
              }[];
            };
            secondaryMaterials?: {
              declaration: string;
              /** @description Plain non-negative decimal as a string, e.g. "1.83" */
              recycledSharePercent?: string;
            };
            evidenceFileIds?: string[];
            /** @description Hide from the public (not allowed where the exchange publishes tracks, e.g. nickel) */
            restricted?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
                producer: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
              };
              currentTrack: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              } | null;
              tracks: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              compliance: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
              } | null;
              complianceHistory: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              isoCertificates: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/sourcing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Responsible sourcing of a brand: current track and history, compliance rulings, ISO 14001 / 45001 certificates
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
                producer: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
              };
              currentTrack: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              } | null;
              tracks: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              compliance: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
              } | null;
              complianceHistory: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              isoCertificates: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/sourcing-compliance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rule a brand compliant or non-compliant with the responsible-sourcing rules, with a reason (the exchange)
     * @description **Permission:** `sustainability.govern` — Exchange members and administrators: sustainability reference data and compliance rulings.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            status: 'compliant' | 'non_compliant';
            reason: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveDate?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
                producer: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
              };
              currentTrack: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              } | null;
              tracks: {
                /** Format: uuid */
                id: string;
                track: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                standardCode: unknown;
                auditor: unknown;
                rfa: unknown;
                secondaryMaterials: unknown;
                evidence: unknown;
                restricted: boolean;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              compliance: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
              } | null;
              complianceHistory: {
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
                /** Format: date-time */
                recordedAt: string;
                credential: string;
                logIndex: number;
              }[];
              isoCertificates: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sourcing-compliance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Each brand's latest responsible-sourcing compliance ruling, newest first (public, as on the brand pages)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          status?: 'compliant' | 'non_compliant';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  metal: string;
                  producer: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                };
                status: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveDate: string;
                reason: string;
                /** Format: date-time */
                recordedAt: string;
                logIndex: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search disclosures (newest first); restricted ones only for their producer, the exchange and the named auditor
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          organisation?: string;
          brand?: string;
          topic?: string;
          kind?: 'certification' | 'metric' | 'target';
          level?: 'company' | 'asset' | 'brand';
          q?: string;
          /** @description Only disclosures naming this auditor organisation */
          auditor?: string;
          /** @description With `auditor`: only those that auditor has not attested yet (its attestation requests) */
          unattested?: boolean;
          /** @description Only disclosures valid until this date or earlier (YYYY-MM-DD): expired, or expiring by then */
          expiresBy?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
              /** @description Pass as `cursor` for the next page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * File a certification, metric or target at company, asset (plant) or brand level; signed and logged
     * @description **Permission:** `sustainability.file` — Producer members and administrators, for their own organisation's brands and disclosures.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            level: 'company' | 'asset' | 'brand';
            /** @description Brand id or code (brand level) */
            brand?: string;
            /** @description Plant name (asset level) */
            asset?: string;
            topic: string;
            kind: 'certification' | 'metric' | 'target';
            title: string;
            standardCode?: string;
            /** @description Plain decimal as a string */
            value?: string;
            unit?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            periodStart?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            periodEnd?: string;
            methodology?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            validFrom?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            validUntil?: string;
            evidenceFileIds?: string[];
            /** @description Visible only to the producer, the exchange and the named auditor */
            restricted?: boolean;
            /** Format: uuid */
            auditorOrgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              level: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              } | null;
              asset: string | null;
              topic: string;
              kind: string;
              title: string;
              standardCode: string | null;
              value: string | null;
              unit: string | null;
              periodStart: string | null;
              periodEnd: string | null;
              methodology: string | null;
              validFrom: string | null;
              validUntil: string | null;
              validity: ('valid' | 'expired' | 'not_yet_valid') | null;
              restricted: boolean;
              auditorOrgId: string | null;
              evidence: {
                /** Format: uuid */
                id: string;
                filename: string;
                mediaType: string;
                sizeBytes: number;
                sha256: string;
                /** Format: date-time */
                uploadedAt: string;
              }[];
              attestations: {
                /** Format: uuid */
                id: string;
                auditor: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                statement: string;
                disclosureDigest: string;
                /** Format: date-time */
                attestedAt: string;
                credential: string;
                logIndex: number;
              }[];
              contentDigest: string;
              credential: string;
              logIndex: number;
              /** Format: date-time */
              filedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/disclosures/{disclosureId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One disclosure with its attestations
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          disclosureId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              level: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              } | null;
              asset: string | null;
              topic: string;
              kind: string;
              title: string;
              standardCode: string | null;
              value: string | null;
              unit: string | null;
              periodStart: string | null;
              periodEnd: string | null;
              methodology: string | null;
              validFrom: string | null;
              validUntil: string | null;
              validity: ('valid' | 'expired' | 'not_yet_valid') | null;
              restricted: boolean;
              auditorOrgId: string | null;
              evidence: {
                /** Format: uuid */
                id: string;
                filename: string;
                mediaType: string;
                sizeBytes: number;
                sha256: string;
                /** Format: date-time */
                uploadedAt: string;
              }[];
              attestations: {
                /** Format: uuid */
                id: string;
                auditor: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                statement: string;
                disclosureDigest: string;
                /** Format: date-time */
                attestedAt: string;
                credential: string;
                logIndex: number;
              }[];
              contentDigest: string;
              credential: string;
              logIndex: number;
              /** Format: date-time */
              filedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/disclosures/{disclosureId}/attestations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Attest a disclosure: the auditor organisation signs the disclosure's canonical digest (vc+jwt)
     * @description **Permission:** `sustainability.attest` — Auditor organisations (members and administrators) signing attestations.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          disclosureId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            statement: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              level: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              } | null;
              asset: string | null;
              topic: string;
              kind: string;
              title: string;
              standardCode: string | null;
              value: string | null;
              unit: string | null;
              periodStart: string | null;
              periodEnd: string | null;
              methodology: string | null;
              validFrom: string | null;
              validUntil: string | null;
              validity: ('valid' | 'expired' | 'not_yet_valid') | null;
              restricted: boolean;
              auditorOrgId: string | null;
              evidence: {
                /** Format: uuid */
                id: string;
                filename: string;
                mediaType: string;
                sizeBytes: number;
                sha256: string;
                /** Format: date-time */
                uploadedAt: string;
              }[];
              attestations: {
                /** Format: uuid */
                id: string;
                auditor: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                statement: string;
                disclosureDigest: string;
                /** Format: date-time */
                attestedAt: string;
                credential: string;
                logIndex: number;
              }[];
              contentDigest: string;
              credential: string;
              logIndex: number;
              /** Format: date-time */
              filedAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/producers/{orgId}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A producer's public sustainability profile: brands, tracks, certifications, metrics and targets
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                country: string | null;
              };
              brands: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
                producer: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                plant: {
                  name: string;
                  country: string;
                };
                shapes: string[];
                /** @description Only for the exchange and the brand’s producer */
                annualCapacityTonnes?: string | null;
                status: 'listed' | 'suspended' | 'delisted';
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                currentTrack: {
                  track: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  effectiveFrom: string;
                  standardCode: unknown;
                } | null;
                compliance: {
                  status: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  effectiveDate: string;
                  reason: string;
                } | null;
              }[];
              certifications: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
              metrics: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
              targets: {
                /** Format: uuid */
                id: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                level: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                } | null;
                asset: string | null;
                topic: string;
                kind: string;
                title: string;
                standardCode: string | null;
                value: string | null;
                unit: string | null;
                periodStart: string | null;
                periodEnd: string | null;
                methodology: string | null;
                validFrom: string | null;
                validUntil: string | null;
                validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                restricted: boolean;
                auditorOrgId: string | null;
                evidence: {
                  /** Format: uuid */
                  id: string;
                  filename: string;
                  mediaType: string;
                  sizeBytes: number;
                  sha256: string;
                  /** Format: date-time */
                  uploadedAt: string;
                }[];
                attestations: {
                  /** Format: uuid */
                  id: string;
                  auditor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  statement: string;
                  disclosureDigest: string;
                  /** Format: date-time */
                  attestedAt: string;
                  credential: string;
                  logIndex: number;
                }[];
                contentDigest: string;
                credential: string;
                logIndex: number;
                /** Format: date-time */
                filedAt: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sustainability/comparison': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Side-by-side comparison of up to five producers (organisation ids) or plants (brand codes or ids)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description Comma-separated */
          producers?: string;
          /** @description Comma-separated */
          plants?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              subjects: {
                /** @description The organisation id, or the brand code or id, as asked */
                id: string;
                name: string;
                brands: {
                  code: string;
                  metal: string;
                  plant: {
                    name: string;
                    country: string;
                  };
                }[];
                /** @description Brand code → current sourcing track */
                tracks: {
                  [key: string]: string | null;
                };
                certifications: {
                  standardCode: string | null;
                  level: string;
                  validUntil: string | null;
                  validity: ('valid' | 'expired' | 'not_yet_valid') | null;
                }[];
                /** @description Topic → the latest metric */
                metrics: {
                  [key: string]: {
                    value: string;
                    unit: string | null;
                    periodEnd: string | null;
                    title: string;
                  };
                };
                targets: {
                  topic: string;
                  title: string;
                  value: string;
                  unit: string | null;
                  by: string | null;
                }[];
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/premium-eligibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sustainable-metal premium eligibility for a year, with the reason (follows the brand's CBAM visibility)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          year: number;
        };
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              eligible: boolean;
              reason: string;
              metal: string;
              period: string;
              intensity: string | null;
              threshold: string | null;
              standards: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cbam-reports/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The blank CBAM Excel reporting form
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cbam-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Current CBAM reports the caller may read (its own, granted, published; the exchange sees all)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          brand?: string;
          year?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name?: string;
                  metal?: string;
                };
                version: number;
                superseded: boolean;
                periodKind: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodStart: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodEnd: string;
                installation: string;
                installationCountry: string;
                productionRoute: string;
                cnCode: string;
                directEmissions: string;
                indirectEmissions: string;
                electricityConsumption: string;
                electricityEmissionFactor: string;
                valueType: string;
                methodology: string;
                verifier: string | null;
                verificationStatus: string;
                carbonPricePaid: string | null;
                carbonPriceCurrency: string | null;
                source: string;
                /** Format: date-time */
                submittedAt: string;
                contentDigest: string;
                /** @description The producer's vc+jwt over the report */
                credential: string;
                logIndex: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/cbam-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A brand's CBAM reports and their history (the exchange, the producer, grantees, or anyone once published)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                metal: string;
              };
              /** @description Why the caller may read this CBAM data */
              access: 'exchange' | 'producer' | 'holder' | 'grantee' | 'published';
              published: boolean;
              reports: {
                /** Format: uuid */
                id: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name?: string;
                  metal?: string;
                };
                version: number;
                superseded: boolean;
                periodKind: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodStart: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodEnd: string;
                installation: string;
                installationCountry: string;
                productionRoute: string;
                cnCode: string;
                directEmissions: string;
                indirectEmissions: string;
                electricityConsumption: string;
                electricityEmissionFactor: string;
                valueType: string;
                methodology: string;
                verifier: string | null;
                verificationStatus: string;
                carbonPricePaid: string | null;
                carbonPriceCurrency: string | null;
                source: string;
                /** Format: date-time */
                submittedAt: string;
                contentDigest: string;
                /** @description The producer's vc+jwt over the report */
                credential: string;
                logIndex: number;
              }[];
              history: {
                /** Format: uuid */
                id: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name?: string;
                  metal?: string;
                };
                version: number;
                superseded: boolean;
                periodKind: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodStart: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodEnd: string;
                installation: string;
                installationCountry: string;
                productionRoute: string;
                cnCode: string;
                directEmissions: string;
                indirectEmissions: string;
                electricityConsumption: string;
                electricityEmissionFactor: string;
                valueType: string;
                methodology: string;
                verifier: string | null;
                verificationStatus: string;
                carbonPricePaid: string | null;
                carbonPriceCurrency: string | null;
                source: string;
                /** Format: date-time */
                submittedAt: string;
                contentDigest: string;
                /** @description The producer's vc+jwt over the report */
                credential: string;
                logIndex: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Submit a CBAM report (annual, or a daily update); a re-filed period becomes a new version. Signed and logged
     * @description **Permission:** `cbam.file` — Producer members and administrators: their own brands' CBAM carbon reports and whether they are published.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            periodKind: 'annual' | 'daily';
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            periodStart: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            periodEnd?: string;
            installation: string;
            installationCountry: string;
            productionRoute: 'primary' | 'secondary' | 'mixed';
            cnCode: string;
            /** @description Scope 1, tCO2e per tonne, decimal string */
            directEmissions: string;
            /** @description Scope 2, tCO2e per tonne, decimal string */
            indirectEmissions: string;
            /** @description MWh per tonne */
            electricityConsumption: string;
            /** @description tCO2e per MWh */
            electricityEmissionFactor: string;
            valueType: 'actual' | 'default';
            methodology: string;
            verifier?: string;
            verificationStatus: 'unverified' | 'in_progress' | 'verified';
            /** @description Carbon price paid at origin, per tCO2e */
            carbonPricePaid?: string;
            carbonPriceCurrency?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name?: string;
                metal?: string;
              };
              version: number;
              superseded: boolean;
              periodKind: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              periodStart: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              periodEnd: string;
              installation: string;
              installationCountry: string;
              productionRoute: string;
              cnCode: string;
              directEmissions: string;
              indirectEmissions: string;
              electricityConsumption: string;
              electricityEmissionFactor: string;
              valueType: string;
              methodology: string;
              verifier: string | null;
              verificationStatus: string;
              carbonPricePaid: string | null;
              carbonPriceCurrency: string | null;
              source: string;
              /** Format: date-time */
              submittedAt: string;
              contentDigest: string;
              /** @description The producer's vc+jwt over the report */
              credential: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/cbam-reports/excel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit the CBAM Excel form (base64); problems are named by sheet and cell, and nothing is written unless there are none
     * @description **Permission:** `cbam.file` — Producer members and administrators: their own brands' CBAM carbon reports and whether they are published.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            filename?: string;
            contentBase64: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name?: string;
                metal?: string;
              };
              version: number;
              superseded: boolean;
              periodKind: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              periodStart: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              periodEnd: string;
              installation: string;
              installationCountry: string;
              productionRoute: string;
              cnCode: string;
              directEmissions: string;
              indirectEmissions: string;
              electricityConsumption: string;
              electricityEmissionFactor: string;
              valueType: string;
              methodology: string;
              verifier: string | null;
              verificationStatus: string;
              carbonPricePaid: string | null;
              carbonPriceCurrency: string | null;
              source: string;
              /** Format: date-time */
              submittedAt: string;
              contentDigest: string;
              /** @description The producer's vc+jwt over the report */
              credential: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/cbam-visibility': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Publish (or make private again) a brand's CBAM data (the producer)
     * @description **Permission:** `cbam.file` — Producer members and administrators: their own brands' CBAM carbon reports and whether they are published.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            published: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
              };
              published: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/cbam-grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who has been granted the brand's CBAM data, active and revoked (the producer and the exchange)
     * @description **Permission:** `sustainability.read` — Any signed-in caller; what each sees is decided per record (CBAM data is private by default).
     *
     *     **Permission:** `sustainability.read` — Any signed-in caller; what each sees is decided per record (CBAM data is private by default).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                brandId: string;
                grantee: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** Format: uuid */
                grantedBy: string;
                reason: string;
                /** Format: date-time */
                grantedAt: string;
                active: boolean;
                credential: string;
                logIndex: number;
                revocation: {
                  /** Format: date-time */
                  at: string;
                  by: string | null;
                  reason: string | null;
                  credential: string | null;
                  logIndex: number | null;
                } | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Grant an organisation access to the brand's CBAM data (the producer or the exchange); signed and logged
     * @description **Permission:** `cbam.grant` — The brand's producer or the exchange, granting or revoking access to CBAM data.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Brand id or code */
          brand: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            organisationId: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              brandId: string;
              grantee: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** Format: uuid */
              grantedBy: string;
              reason: string;
              /** Format: date-time */
              grantedAt: string;
              active: boolean;
              credential: string;
              logIndex: number;
              revocation: {
                /** Format: date-time */
                at: string;
                by: string | null;
                reason: string | null;
                credential: string | null;
                logIndex: number | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/brands/{brand}/cbam-grants/{grantId}/revocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a grant; access stops immediately (the producer or the exchange); signed and logged
     * @description **Permission:** `cbam.grant` — The brand's producer or the exchange, granting or revoking access to CBAM data.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          brand: string;
          grantId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              brandId: string;
              grantee: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** Format: uuid */
              grantedBy: string;
              reason: string;
              /** Format: date-time */
              grantedAt: string;
              active: boolean;
              credential: string;
              logIndex: number;
              revocation: {
                /** Format: date-time */
                at: string;
                by: string | null;
                reason: string | null;
                credential: string | null;
                logIndex: number | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/carbon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The CBAM report and carbon intensity in force for the certificate's brand on its production date
     * @description Figures as reported, with the producer’s own signed credential. Visible to the exchange, the producer, grantees, or anyone once the brand’s CBAM data is published.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              certificate: {
                /** Format: uuid */
                id: string;
                number: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                };
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                productionDate: string;
              };
              /** @description Why the caller may read this CBAM data */
              access: 'exchange' | 'producer' | 'holder' | 'grantee' | 'published';
              report: {
                /** Format: uuid */
                id: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name?: string;
                  metal?: string;
                };
                version: number;
                superseded: boolean;
                periodKind: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodStart: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                periodEnd: string;
                installation: string;
                installationCountry: string;
                productionRoute: string;
                cnCode: string;
                directEmissions: string;
                indirectEmissions: string;
                electricityConsumption: string;
                electricityEmissionFactor: string;
                valueType: string;
                methodology: string;
                verifier: string | null;
                verificationStatus: string;
                carbonPricePaid: string | null;
                carbonPriceCurrency: string | null;
                source: string;
                /** Format: date-time */
                submittedAt: string;
                contentDigest: string;
                /** @description The producer's vc+jwt over the report */
                credential: string;
                logIndex: number;
              } | null;
              carbonIntensity: {
                direct: string;
                indirect: string;
                total: string;
                unit: string;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cbam-exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * CBAM-ready CSV or Excel of the certificates whose carbon data the caller may read
     * @description Net tonnes are filled only where the caller may read the full certificate. CSV cells are guarded against spreadsheet formula injection.
     *
     *     **Permission:** `sustainability.read` — Any signed-in caller; what each sees is decided per record (CBAM data is private by default).
     *
     *     **Permission:** `sustainability.read` — Any signed-in caller; what each sees is decided per record (CBAM data is private by default).
     */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx';
          /** @description YYYY-MM-DD */
          from?: string;
          /** @description YYYY-MM-DD */
          to?: string;
          brand?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/locations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Delivery locations, the metals each delivers and their rent caps
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                name: string;
                country: string;
                timeZone: string;
                currency: string;
                calendar: string;
                metals: string[];
                approvedFrom: string | null;
                withdrawnFrom: string | null;
                version: number;
                rentCaps: {
                  /** Format: uuid */
                  id: string;
                  location: string;
                  metal: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  effectiveFrom: string;
                  rentUsdPerTonneDay: string;
                  fotPerTonne: string | null;
                  fotCurrency: string | null;
                  yearlyIndexPct: string | null;
                  indexFromYear: number | null;
                  source: string | null;
                }[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/locations/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One delivery location
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              name: string;
              country: string;
              timeZone: string;
              currency: string;
              calendar: string;
              metals: string[];
              approvedFrom: string | null;
              withdrawnFrom: string | null;
              version: number;
              rentCaps: {
                /** Format: uuid */
                id: string;
                location: string;
                metal: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
                yearlyIndexPct: string | null;
                indexFromYear: number | null;
                source: string | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    /**
     * Add or change a delivery location (the exchange); every change is logged
     * @description **Permission:** `network.write` — Exchange members and administrators: delivery locations, rent caps and approved facilities.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            timeZone: string;
            /** @description ISO 4217 */
            currency: string;
            calendar: string;
            metals: ('AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO')[];
            approvedFrom: string | null;
            withdrawnFrom?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              name: string;
              country: string;
              timeZone: string;
              currency: string;
              calendar: string;
              metals: string[];
              approvedFrom: string | null;
              withdrawnFrom: string | null;
              version: number;
              rentCaps: {
                /** Format: uuid */
                id: string;
                location: string;
                metal: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
                yearlyIndexPct: string | null;
                indexFromYear: number | null;
                source: string | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent-caps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rent caps per location and metal, effective-dated (US$ per tonne per day; free-on-truck per tonne in local currency)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          location?: string;
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                location: string;
                metal: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
                yearlyIndexPct: string | null;
                indexFromYear: number | null;
                source: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Set a rent cap from a date (the exchange); logged
     * @description **Permission:** `network.write` — Exchange members and administrators: delivery locations, rent caps and approved facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description e.g. HONGKONG */
            location: string;
            /** @description LME contract code */
            metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveFrom: string;
            /** @description decimal */
            rentUsdPerTonneDay: string;
            fotPerTonne?: string | null;
            fotCurrency?: string | null;
            yearlyIndexPct?: string | null;
            indexFromYear?: number | null;
            source?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              location: string;
              metal: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              effectiveFrom: string;
              rentUsdPerTonneDay: string;
              fotPerTonne: string | null;
              fotCurrency: string | null;
              yearlyIndexPct: string | null;
              indexFromYear: number | null;
              source: string | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/facilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Approved warehouse facilities
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          location?: string;
          warehouse?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                address: string | null;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: {
                  code: string;
                  name: string;
                };
                metals: string[];
                minDailyLoadOutTonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                approvedFrom: string;
                withdrawnFrom: string | null;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Approve a warehouse company's facility at a location for a set of metals (the exchange); logged
     * @description **Permission:** `network.write` — Exchange members and administrators: delivery locations, rent caps and approved facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            warehouseOrgId: string;
            /** @description e.g. HONGKONG */
            location: string;
            name: string;
            address?: string | null;
            metals: ('AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO')[];
            /** @description decimal */
            minDailyLoadOutTonnes: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            approvedFrom: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              address: string | null;
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              location: {
                code: string;
                name: string;
              };
              metals: string[];
              minDailyLoadOutTonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              approvedFrom: string;
              withdrawnFrom: string | null;
              version: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/facilities/{facilityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One facility
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          facilityId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              address: string | null;
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              location: {
                code: string;
                name: string;
              };
              metals: string[];
              minDailyLoadOutTonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              approvedFrom: string;
              withdrawnFrom: string | null;
              version: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/facilities/{facilityId}/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A facility's load-out queue: cancelled warrants in order, with estimated load-out dates (numbers shown to the warehouse, the exchange and each holder for its own)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          facilityId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Receipts you recorded or deposited into (the exchange: all)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                number: string;
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  location: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                depositor: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                metal: string;
                shape: string;
                originCountry: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                receivedOn: string;
                reference: string | null;
                reconciliation: {
                  bundles: {
                    line: number;
                    lotRef: string | null;
                    pcr: string;
                    bundleRef: string;
                    pieces: number;
                    grossKg: string;
                    netKg: string;
                    certificateId: string | null;
                    certificateNumber: string | null;
                    checks: {
                      code: string;
                      ok: boolean;
                      reason: string;
                    }[];
                    conforming: boolean;
                  }[];
                  lots: {
                    [key: string]: unknown;
                  }[];
                  offWarrantLines: number[];
                  summary: {
                    bundles: number;
                    conforming: number;
                    netKg: string;
                    lots: number;
                    warrantableLots: number;
                  };
                };
                lots: {
                  id: string | null;
                  lotRef: string;
                  netKg: string;
                  tonnes: string;
                  bundles: number;
                  lines: number[];
                  warrantable: boolean;
                  reasons: string[];
                  warrant: {
                    /** Format: uuid */
                    id: string;
                    number: string | null;
                  } | null;
                }[];
                lotSize: {
                  tonnes: string;
                  tolerancePct: string;
                };
                /** Format: date-time */
                recordedAt: string;
                contentDigest: string;
                logIndex: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Record metal arriving at one of your facilities; every bundle and lot is reconciled against the register
     * @description One brand, shape and origin per receipt. Bundles with a `lot` are offered for warranting: a lot must be the contract lot size ± its tolerance, and each of its casts must have a certificate. Impossible input answers 400 with a row error each and records nothing; metal that does not conform is recorded with its reasons and stays off warrant.
     *
     *     **Permission:** `receipts.write` — Warehouse members and administrators, recording what arrives at their own facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            facilityId: string;
            /** Format: uuid */
            depositorOrgId?: string;
            brand: string;
            shape: string;
            /** @description ISO 3166-1 alpha-2 */
            originCountry: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            receivedOn: string;
            reference?: string;
            bundles: {
              /** @description The lot this bundle goes on warrant with; leave out to record it as off-warrant stock */
              lot?: string | null;
              /** @description Production cast reference, as on the tag */
              pcr: string;
              bundleRef: string;
              pieces: number;
              /** @description kg, up to 3 decimals */
              grossKg: string;
              /** @description kg, up to 3 decimals */
              netKg: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
                location: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              depositor: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              metal: string;
              shape: string;
              originCountry: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              receivedOn: string;
              reference: string | null;
              reconciliation: {
                bundles: {
                  line: number;
                  lotRef: string | null;
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  grossKg: string;
                  netKg: string;
                  certificateId: string | null;
                  certificateNumber: string | null;
                  checks: {
                    code: string;
                    ok: boolean;
                    reason: string;
                  }[];
                  conforming: boolean;
                }[];
                lots: {
                  [key: string]: unknown;
                }[];
                offWarrantLines: number[];
                summary: {
                  bundles: number;
                  conforming: number;
                  netKg: string;
                  lots: number;
                  warrantableLots: number;
                };
              };
              lots: {
                id: string | null;
                lotRef: string;
                netKg: string;
                tonnes: string;
                bundles: number;
                lines: number[];
                warrantable: boolean;
                reasons: string[];
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string | null;
                } | null;
              }[];
              lotSize: {
                tonnes: string;
                tolerancePct: string;
              };
              /** Format: date-time */
              recordedAt: string;
              contentDigest: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/receipts/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a receipt from a CSV or Excel (.xlsx) file of bundle rows; reconciled exactly as the JSON route
     * @description Send `multipart/form-data`: the part `file` (one row per bundle, columns `lot`, `pcr`, `bundleRef`, `pieces`, `grossKg`, `netKg`; see `GET /api/v1/receipt-templates`) and the receipt as form fields `facilityId`, `brand`, `shape`, `originCountry`, `receivedOn`, and optionally `depositorOrgId` and `reference`. The file is read with the bulk import's checks and limits: too large answers 413; not UTF-8, another delimiter, not the template, a hostile archive answers 422. A cell that is invalid or that a spreadsheet would run as a formula, and every row error of the reconciliation, answer 400 naming the row and column (`row 5, column netKg`; the header is row 1). Anything refused records nothing.
     *
     *     **Permission:** `receipts.write` — Warehouse members and administrators, recording what arrives at their own facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
                location: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              depositor: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              metal: string;
              shape: string;
              originCountry: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              receivedOn: string;
              reference: string | null;
              reconciliation: {
                bundles: {
                  line: number;
                  lotRef: string | null;
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  grossKg: string;
                  netKg: string;
                  certificateId: string | null;
                  certificateNumber: string | null;
                  checks: {
                    code: string;
                    ok: boolean;
                    reason: string;
                  }[];
                  conforming: boolean;
                }[];
                lots: {
                  [key: string]: unknown;
                }[];
                offWarrantLines: number[];
                summary: {
                  bundles: number;
                  conforming: number;
                  netKg: string;
                  lots: number;
                  warrantableLots: number;
                };
              };
              lots: {
                id: string | null;
                lotRef: string;
                netKg: string;
                tonnes: string;
                bundles: number;
                lines: number[];
                warrantable: boolean;
                reasons: string[];
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string | null;
                } | null;
              }[];
              lotSize: {
                tonnes: string;
                tolerancePct: string;
              };
              /** Format: date-time */
              recordedAt: string;
              contentDigest: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/receipt-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The template of a receipt file: Excel workbook (default) or CSV
     * @description The workbook has the data sheet `Bundles` (one row per bundle), a filled example and a sheet explaining every column. The CSV has the header and example rows (replace them).
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          format?: 'xlsx' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
            'text/csv': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/receipts/{receiptId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One receipt with its reconciliation (its warehouse, its depositor, the exchange)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          receiptId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
                location: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              depositor: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              metal: string;
              shape: string;
              originCountry: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              receivedOn: string;
              reference: string | null;
              reconciliation: {
                bundles: {
                  line: number;
                  lotRef: string | null;
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  grossKg: string;
                  netKg: string;
                  certificateId: string | null;
                  certificateNumber: string | null;
                  checks: {
                    code: string;
                    ok: boolean;
                    reason: string;
                  }[];
                  conforming: boolean;
                }[];
                lots: {
                  [key: string]: unknown;
                }[];
                offWarrantLines: number[];
                summary: {
                  bundles: number;
                  conforming: number;
                  netKg: string;
                  lots: number;
                  warrantableLots: number;
                };
              };
              lots: {
                id: string | null;
                lotRef: string;
                netKg: string;
                tonnes: string;
                bundles: number;
                lines: number[];
                warrantable: boolean;
                reasons: string[];
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string | null;
                } | null;
              }[];
              lotSize: {
                tonnes: string;
                tolerancePct: string;
              };
              /** Format: date-time */
              recordedAt: string;
              contentDigest: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/off-warrant-stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Received metal not on warrant, with whether it conforms (its warehouse; the exchange: all)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Warrants you hold (a warehouse: those it stores; the exchange: all), with totals per metal and location
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          status?: 'live' | 'cancelled' | 'delivered_out';
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          location?: string;
          facilityId?: string;
          scope?: 'held' | 'stored';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'live' | 'cancelled' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                warrantedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                certificates: {
                  id: string;
                  number: string;
                }[];
                deliveredOutAt: string | null;
                /** @description Whether an active pledge holds the warrant (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                cancelledAt?: string | null;
                rent?: {
                  usdPerTonneDay: string;
                  basis: string;
                } | null;
                rentAccount?: {
                  currency: string;
                  paidTo: string | null;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  owedFrom: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  asOf: string;
                  outstanding: {
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  toRateYearEnd: {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    paidTo: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  unpricedDays: number;
                  missingRateYears: string[];
                  openStatement: string | null;
                } | null;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    id: string;
                    number: string;
                  };
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                queue?:
                  | ({
                      position: number;
                      tonnesAhead: string;
                      /**
                       * Format: date
                       * @description YYYY-MM-DD
                       */
                      estimatedLoadOut: string;
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                contentDigest?: string;
              }[];
              totals: {
                metal: string;
                location: string;
                warrants: number;
                tonnes: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Issue a warrant for a reconciled lot at one of your facilities, to its depositor or another holder
     * @description **Permission:** `warrants.issue` — Warehouse members and administrators, for lots at their own facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            lotId: string;
            /** Format: uuid */
            holderOrgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One warrant: the public view (status, metal, location, tonnage, its certificates; never the holder), in full for its holder, its warehouse and the exchange
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/credential': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The warehouse's WarrantCredential (vc+jwt): the metal, never the holder
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * C2SP tlog-proof bundle of the warrant's credential
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The warrant as a printable A4 PDF (English + Chinese): the public view, never the holder, with a QR code and its credential attached
     * @description The warehouse's signed WarrantCredential is attached as `credential.jwt` and its log proof as `proof.txt` (`assay verify credential.jwt --proof proof.txt --trust trust.json` checks them offline); the QR code opens the warrant's public page, `/w/{number}`.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hant' | 'zh-Hans';
        };
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Verify the warrant's credential server-side (signature, issuer, key validity, schema, status, log inclusion) and each of its certificates
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Each check answered separately: pass, fail or skip, with a reason in plain words */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checks: {
                name:
                  | 'format'
                  | 'signature'
                  | 'issuer'
                  | 'key_validity'
                  | 'schema'
                  | 'status'
                  | 'log_inclusion'
                  | 'witnesses'
                  | 'current';
                status: 'pass' | 'fail' | 'skip';
                reason: string;
              }[];
              /** @description The credential type, e.g. CertificateOfAnalysis */
              type?: string;
              /** @description What the warrant credential says, once its signature verified */
              summary?: {
                [key: string]: unknown;
              };
              /** @description The warrant as the register holds it now */
              status: 'live' | 'cancelled' | 'delivered_out';
              /** @description Each certificate of its metal, verified */
              certificates: {
                id: string;
                number: string;
                ok: boolean;
                status: string;
                failed: string[];
              }[];
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed statement of every transition of the warrant (its holder, its warehouse, the exchange)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Transfer one or many warrants you hold to another organisation: all of them or none
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            warrantIds: string[];
            /** Format: uuid */
            toOrgId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              transferred: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'live' | 'cancelled' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                warrantedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                certificates: {
                  id: string;
                  number: string;
                }[];
                deliveredOutAt: string | null;
                /** @description Whether an active pledge holds the warrant (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                cancelledAt?: string | null;
                rent?: {
                  usdPerTonneDay: string;
                  basis: string;
                } | null;
                rentAccount?: {
                  currency: string;
                  paidTo: string | null;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  owedFrom: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  asOf: string;
                  outstanding: {
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  toRateYearEnd: {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    paidTo: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  unpricedDays: number;
                  missingRateYears: string[];
                  openStatement: string | null;
                } | null;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    id: string;
                    number: string;
                  };
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                queue?:
                  | ({
                      position: number;
                      tonnesAhead: string;
                      /**
                       * Format: date
                       * @description YYYY-MM-DD
                       */
                      estimatedLoadOut: string;
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                contentDigest?: string;
              }[];
              to: {
                /** Format: uuid */
                id: string;
                name: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/cancellation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a warrant you hold for load-out: it joins the facility's queue
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/rewarranting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a cancelled warrant live again (its warehouse, at the holder’s request; or the exchange)
     * @description **Permission:** `warrants.operate` — The warehouse storing the metal (load-out, re-warranting); the exchange may re-warrant.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/load-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a cancelled warrant’s metal delivered out (its warehouse); the holder keeps its certificates
     * @description **Permission:** `warrants.operate` — The warehouse storing the metal (load-out, re-warranting); the exchange may re-warrant.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrants/{warrantId}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Correct a warrant (the exchange), with a reason; may restore its rightful holder
     * @description **Permission:** `warrants.correct` — Exchange members and administrators: corrections to a warrant, with a reason.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Warrant id (UUID) or number (WR-…) */
          warrantId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** Format: uuid */
            holderOrgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'live' | 'cancelled' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              warrantedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              certificates: {
                id: string;
                number: string;
              }[];
              deliveredOutAt: string | null;
              /** @description Whether an active pledge holds the warrant (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              cancelledAt?: string | null;
              rent?: {
                usdPerTonneDay: string;
                basis: string;
              } | null;
              rentAccount?: {
                currency: string;
                paidTo: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                owedFrom: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                outstanding: {
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                toRateYearEnd: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  paidTo: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                  days: number;
                };
                unpricedDays: number;
                missingRateYears: string[];
                openStatement: string | null;
              } | null;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  id: string;
                  number: string;
                };
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              queue?:
                | ({
                    position: number;
                    tonnesAhead: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    estimatedLoadOut: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrant-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Warrants over a certificate revoked after warranting (the exchange’s review queue)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrant-swaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Swaps you proposed or were offered
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                proposer: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                counterparty: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                give: {
                  /** Format: uuid */
                  warrantId: string;
                  version: number;
                  number: string | null;
                }[];
                take: {
                  /** Format: uuid */
                  warrantId: string;
                  version: number;
                  number: string | null;
                }[];
                status: string;
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
                decidedAt: string | null;
                moved?: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Offer another holder a swap: warrants you give for warrants you take; both move at once on acceptance, or nothing moves
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            counterpartyOrgId: string;
            give: string[];
            take: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              proposer: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              counterparty: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              give: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              take: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              status: string;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              moved?: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrant-swaps/{swapId}/acceptance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a swap offered to you: both sides move in one transaction, or (if either side moved meanwhile) nothing does
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          swapId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              proposer: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              counterparty: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              give: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              take: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              status: string;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              moved?: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrant-swaps/{swapId}/declination': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a swap offered to you
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          swapId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              proposer: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              counterparty: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              give: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              take: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              status: string;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              moved?: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warrant-swaps/{swapId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a swap you offered
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          swapId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              proposer: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              counterparty: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              give: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              take: {
                /** Format: uuid */
                warrantId: string;
                version: number;
                number: string | null;
              }[];
              status: string;
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              moved?: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The exchange's rent rules (reference/rent.json): rate year, queue rent capping, supervision fee, per-warrant fees
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rateYear: {
                startMonth: number;
                startDay: number;
              };
              queueRentCapDays: number;
              supervisionFeePct: string;
              currentRateYear: number;
              currentRateYearLabel: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              currentRateYearEnd: string;
              perWarrantFees: {
                code: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/caps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caps that bind tariffs in a rate year (default: the current one), per location and metal, yearly indexation applied
     * @description The exchange sets caps through POST /api/v1/rent-caps (effective-dated, optionally indexed yearly from a stated year).
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          location?: string;
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          rateYear?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rateYear: number;
              rateYearLabel: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              to: string;
              items: {
                location: {
                  code: string;
                  name: string;
                  currency: string | null;
                };
                metal: string;
                /** @description The binding (lowest) rent cap in the year */
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
                caps: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  effectiveFrom: string;
                  rentUsdPerTonneDay: string;
                  fotPerTonne: string | null;
                  fotCurrency: string | null;
                  location: string;
                  metal: string;
                  indexSteps: number;
                }[];
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/tariffs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Published tariffs: each warehouse company's rent, FOT and FIC charges and per-warrant fees per facility, metal and rate year
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          warehouse?: string;
          facility?: string;
          location?: string;
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          rateYear?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                schema: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: {
                  code: string;
                  name: string;
                };
                metal: string;
                rateYear: number;
                /** @description e.g. 2026/27 */
                rateYearLabel: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
                rentUsdPerTonneDay: string;
                /** @description The location's currency, in which FOT and FIC are charged */
                currency: string;
                fotPerTonne: string | null;
                ficPerTonne: string | null;
                perWarrantFees: {
                  code: string;
                  name: string;
                  amount: string;
                  currency: string;
                }[];
                /** @description The exchange caps in force during the rate year it was checked against (indexed for the year) */
                caps: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  effectiveFrom: string;
                  rentUsdPerTonneDay: string;
                  fotPerTonne: string | null;
                  fotCurrency: string | null;
                }[];
                /** Format: date-time */
                publishedAt: string;
                logIndex: number;
                /** @description The RentTariff credential (vc+jwt) signed by the warehouse */
                credential?: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Publish the tariff of one of your facilities for a metal and rate year (signed, logged, public; never changed)
     * @description Refused (422) when the rent or the FOT charge is above a cap of the exchange in force during the rate year; the error names the cap.
     *
     *     **Permission:** `rent.publish` — Warehouse members and administrators: the tariffs of their own facilities.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            facilityId: string;
            /** @description LME contract code */
            metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /** @description The calendar year the rate year starts in: 2026 = 1 April 2026 – 31 March 2027 */
            rateYear: number;
            /** @description US$ per tonne per day, at most 4 decimals */
            rentUsdPerTonneDay: string;
            fotPerTonne?: string | null;
            ficPerTonne?: string | null;
            perWarrantFees?: {
              code: string;
              /** @description an amount, at most 2 decimals */
              amount: string;
              /** @description ISO 4217 */
              currency: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              schema: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              location: {
                code: string;
                name: string;
              };
              metal: string;
              rateYear: number;
              /** @description e.g. 2026/27 */
              rateYearLabel: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              to: string;
              rentUsdPerTonneDay: string;
              /** @description The location's currency, in which FOT and FIC are charged */
              currency: string;
              fotPerTonne: string | null;
              ficPerTonne: string | null;
              perWarrantFees: {
                code: string;
                name: string;
                amount: string;
                currency: string;
              }[];
              /** @description The exchange caps in force during the rate year it was checked against (indexed for the year) */
              caps: {
                /** Format: uuid */
                id: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
              }[];
              /** Format: date-time */
              publishedAt: string;
              logIndex: number;
              /** @description The RentTariff credential (vc+jwt) signed by the warehouse */
              credential?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/tariffs/{tariffId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One published tariff with its signed credential
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          tariffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              schema: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              location: {
                code: string;
                name: string;
              };
              metal: string;
              rateYear: number;
              /** @description e.g. 2026/27 */
              rateYearLabel: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              to: string;
              rentUsdPerTonneDay: string;
              /** @description The location's currency, in which FOT and FIC are charged */
              currency: string;
              fotPerTonne: string | null;
              ficPerTonne: string | null;
              perWarrantFees: {
                code: string;
                name: string;
                amount: string;
                currency: string;
              }[];
              /** @description The exchange caps in force during the rate year it was checked against (indexed for the year) */
              caps: {
                /** Format: uuid */
                id: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                rentUsdPerTonneDay: string;
                fotPerTonne: string | null;
                fotCurrency: string | null;
              }[];
              /** Format: date-time */
              publishedAt: string;
              logIndex: number;
              /** @description The RentTariff credential (vc+jwt) signed by the warehouse */
              credential?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/outstanding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rent owed on the warrants you hold (scope=stored: a warehouse company, on those it stores): to today and to the next 31 March, with totals per warehouse
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          scope?: 'held' | 'stored';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              scope: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              asOf: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              rateYearEnd: string;
              items: {
                /** Format: uuid */
                warrantId: string;
                number: string;
                status: string;
                metal: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                warrantedOn: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: string;
                /** Format: uuid */
                holderOrgId?: string;
                /** @description The warrant's rent: paid-to date, what is owed to today and to the next 31 March */
                rent: {
                  currency: string;
                  paidTo: string | null;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  owedFrom: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  asOf: string;
                  outstanding: {
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  toRateYearEnd: {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    paidTo: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  unpricedDays: number;
                  missingRateYears: string[];
                  openStatement: string | null;
                };
              }[];
              totals: {
                outstanding: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                toRateYearEnd: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rent statements: yours (held), those waiting for your endorsement (to-endorse, a warehouse), all with your lines (stored), or every one (all, the exchange)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          scope?: 'held' | 'to-endorse' | 'stored' | 'all';
          status?: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              scope: string;
              items: {
                /** Format: uuid */
                id: string;
                number: string;
                view: string;
                status: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
                holder: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                paidTo: string;
                /** Format: date-time */
                madeAt: string;
                warrants: number;
                totals: {
                  byWarehouse: {
                    warehouse: {
                      /** Format: uuid */
                      id: string;
                      name: string;
                    };
                    currency: string;
                    warrants: number;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                  byCurrency: {
                    currency: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                };
                warehouses: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  endorsedOn: string | null;
                }[];
                canEndorse: boolean;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Make a rent statement for warrants you hold (or all): rent up to paidTo (default the next 31 March), one line per warrant, totals per warehouse and currency
     * @description **Permission:** `rent.pay` — Members and administrators of a warrant holder: making and withdrawing its rent statements.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Warrant ids (or numbers) you hold */
            warrantIds?: string[];
            /** @description Every warrant you hold that owes rent and is not on an open statement */
            all?: boolean;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            paidTo?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @description "warehouse": a warehouse company sees its own lines only */
              view: 'full' | 'warehouse';
              status: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
              holder: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              paidTo: string;
              /** Format: date-time */
              madeAt: string;
              queueRentCapDays: number;
              rounding: string;
              lines: {
                line: number;
                /** Format: uuid */
                warrantId: string;
                number: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: string;
                metal: string;
                tonnes: string;
                status: string;
                paidToBefore: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
                days: number;
                segments: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                  days: number;
                  rateUsdPerTonneDay: string;
                  rateYear: string;
                  tariffId: string;
                  exact: string;
                }[];
                /** @description Exact rent of the line’s days, 7 decimals */
                exact: string;
                /** @description an amount with 2 decimals */
                amount: string;
                currency: string;
              }[];
              totals: {
                byWarehouse: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  warrants: number;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                byCurrency: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              };
              warehouses: {
                /** Format: uuid */
                id: string;
                name: string;
                endorsed: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  on: string;
                  /** Format: date-time */
                  at: string;
                  logIndex: number;
                  /** @description RentEndorsement vc+jwt signed by the warehouse */
                  credential: string;
                } | null;
              }[];
              withdrawnAt: string | null;
              contentDigest: string;
              logIndex: number;
              canEndorse: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements/{statementId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One rent statement (its holder and the exchange in full; a warehouse company its own lines)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Statement id (UUID) or number (RS-…) */
          statementId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @description "warehouse": a warehouse company sees its own lines only */
              view: 'full' | 'warehouse';
              status: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
              holder: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              paidTo: string;
              /** Format: date-time */
              madeAt: string;
              queueRentCapDays: number;
              rounding: string;
              lines: {
                line: number;
                /** Format: uuid */
                warrantId: string;
                number: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: string;
                metal: string;
                tonnes: string;
                status: string;
                paidToBefore: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
                days: number;
                segments: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                  days: number;
                  rateUsdPerTonneDay: string;
                  rateYear: string;
                  tariffId: string;
                  exact: string;
                }[];
                /** @description Exact rent of the line’s days, 7 decimals */
                exact: string;
                /** @description an amount with 2 decimals */
                amount: string;
                currency: string;
              }[];
              totals: {
                byWarehouse: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  warrants: number;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                byCurrency: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              };
              warehouses: {
                /** Format: uuid */
                id: string;
                name: string;
                endorsed: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  on: string;
                  /** Format: date-time */
                  at: string;
                  logIndex: number;
                  /** @description RentEndorsement vc+jwt signed by the warehouse */
                  credential: string;
                } | null;
              }[];
              withdrawnAt: string | null;
              contentDigest: string;
              logIndex: number;
              canEndorse: boolean;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements/{statementId}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The rent statement as a printable PDF (as the caller may read it)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Statement id (UUID) or number (RS-…) */
          statementId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements/{statementId}/xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The rent statement as an Excel workbook (as the caller may read it)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Statement id (UUID) or number (RS-…) */
          statementId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements/{statementId}/endorsement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Endorse your lines of a rent statement (the warehouse, once paid): the warrants' paid-to dates move to the statement's date; signed and logged
     * @description **Permission:** `rent.endorse` — Warehouse members and administrators: endorsing their lines of a rent statement.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Statement id (UUID) or number (RS-…) */
          statementId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @description "warehouse": a warehouse company sees its own lines only */
              view: 'full' | 'warehouse';
              status: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
              holder: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              paidTo: string;
              /** Format: date-time */
              madeAt: string;
              queueRentCapDays: number;
              rounding: string;
              lines: {
                line: number;
                /** Format: uuid */
                warrantId: string;
                number: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: string;
                metal: string;
                tonnes: string;
                status: string;
                paidToBefore: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
                days: number;
                segments: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                  days: number;
                  rateUsdPerTonneDay: string;
                  rateYear: string;
                  tariffId: string;
                  exact: string;
                }[];
                /** @description Exact rent of the line’s days, 7 decimals */
                exact: string;
                /** @description an amount with 2 decimals */
                amount: string;
                currency: string;
              }[];
              totals: {
                byWarehouse: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  warrants: number;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                byCurrency: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              };
              warehouses: {
                /** Format: uuid */
                id: string;
                name: string;
                endorsed: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  on: string;
                  /** Format: date-time */
                  at: string;
                  logIndex: number;
                  /** @description RentEndorsement vc+jwt signed by the warehouse */
                  credential: string;
                } | null;
              }[];
              withdrawnAt: string | null;
              contentDigest: string;
              logIndex: number;
              canEndorse: boolean;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/statements/{statementId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a rent statement you made that is not fully endorsed (lines already endorsed stand)
     * @description **Permission:** `rent.pay` — Members and administrators of a warrant holder: making and withdrawing its rent statements.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Statement id (UUID) or number (RS-…) */
          statementId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @description "warehouse": a warehouse company sees its own lines only */
              view: 'full' | 'warehouse';
              status: 'open' | 'partly_endorsed' | 'endorsed' | 'withdrawn';
              holder: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              paidTo: string;
              /** Format: date-time */
              madeAt: string;
              queueRentCapDays: number;
              rounding: string;
              lines: {
                line: number;
                /** Format: uuid */
                warrantId: string;
                number: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                location: string;
                metal: string;
                tonnes: string;
                status: string;
                paidToBefore: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
                days: number;
                segments: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                  days: number;
                  rateUsdPerTonneDay: string;
                  rateYear: string;
                  tariffId: string;
                  exact: string;
                }[];
                /** @description Exact rent of the line’s days, 7 decimals */
                exact: string;
                /** @description an amount with 2 decimals */
                amount: string;
                currency: string;
              }[];
              totals: {
                byWarehouse: {
                  warehouse: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                  };
                  currency: string;
                  warrants: number;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                byCurrency: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              };
              warehouses: {
                /** Format: uuid */
                id: string;
                name: string;
                endorsed: {
                  /** Format: uuid */
                  id: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  on: string;
                  /** Format: date-time */
                  at: string;
                  logIndex: number;
                  /** @description RentEndorsement vc+jwt signed by the warehouse */
                  credential: string;
                } | null;
              }[];
              withdrawnAt: string | null;
              contentDigest: string;
              logIndex: number;
              canEndorse: boolean;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/fee-statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Supervision fee statements: the exchange's and every warehouse company's (a warehouse company: its own)
     * @description **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     *
     *     **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              feePct: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                batchId: string;
                schema: string;
                number: string;
                kind: 'warehouse' | 'exchange';
                period: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                };
                feePct: string;
                exchange: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                } | null;
                rentEndorsed: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                fee: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                endorsements?: {
                  /** Format: uuid */
                  id: string;
                  statement: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  endorsedOn: string;
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                warehouses?: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  statement: string;
                  rentEndorsed: {
                    currency: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                  fee: {
                    currency: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                }[];
                /** Format: date-time */
                issuedAt: string;
                logIndex: number;
                credential?: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Issue the supervision fee statements of an ended period (the exchange): one per warehouse company with rent endorsed in it, and the exchange’s; signed and logged
     * @description **Permission:** `rent.fees` — Exchange members and administrators: issuing supervision fee statements.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            from: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            to: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              batchId: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                batchId: string;
                schema: string;
                number: string;
                kind: 'warehouse' | 'exchange';
                period: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  from: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  to: string;
                };
                feePct: string;
                exchange: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                } | null;
                rentEndorsed: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                fee: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                endorsements?: {
                  /** Format: uuid */
                  id: string;
                  statement: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  endorsedOn: string;
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                warehouses?: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  statement: string;
                  rentEndorsed: {
                    currency: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                  fee: {
                    currency: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                  }[];
                }[];
                /** Format: date-time */
                issuedAt: string;
                logIndex: number;
                credential?: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/fee-statements/{feeStatementId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One supervision fee statement with its signed credential
     * @description **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     *
     *     **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Fee statement id (UUID) or number (SF-…) */
          feeStatementId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              batchId: string;
              schema: string;
              number: string;
              kind: 'warehouse' | 'exchange';
              period: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
              };
              feePct: string;
              exchange: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              rentEndorsed: {
                currency: string;
                /** @description an amount with 2 decimals */
                amount: string;
              }[];
              fee: {
                currency: string;
                /** @description an amount with 2 decimals */
                amount: string;
              }[];
              endorsements?: {
                /** Format: uuid */
                id: string;
                statement: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                endorsedOn: string;
                currency: string;
                /** @description an amount with 2 decimals */
                amount: string;
              }[];
              warehouses?: {
                /** Format: uuid */
                id: string;
                name: string;
                statement: string;
                rentEndorsed: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                fee: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
              }[];
              /** Format: date-time */
              issuedAt: string;
              logIndex: number;
              credential?: string;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rent/fee-preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The supervision fee rent endorsed in a period would give, per warehouse company (nothing issued)
     * @description **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     *
     *     **Permission:** `rent.fees.read` — The exchange (every supervision fee statement) and warehouse companies (their own).
     */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM-DD */
          from: string;
          /** @description YYYY-MM-DD */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              period: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                to: string;
              };
              feePct: string;
              items: {
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                rentEndorsed: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                fee: {
                  currency: string;
                  /** @description an amount with 2 decimals */
                  amount: string;
                }[];
                endorsements: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Electronic receipts you hold (a warehouse: those it stores; the exchange: all)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          status?: 'active' | 'converted' | 'delivered_out';
          scope?: 'held' | 'stored';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'active' | 'converted' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                issuedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** @description Whether the lot met every rule for going on warrant when it was reconciled */
                warrantable: boolean;
                certificates: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                }[];
                /** @description The warrant it was converted into */
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
                /** @description Whether an active pledge holds it (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                  } | null;
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                contentDigest?: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Issue an electronic receipt for a reconciled lot at one of your facilities kept off warrant, to its depositor or another holder
     * @description **Permission:** `ereceipts.operate` — Warehouse members and administrators: electronic receipts for off-warrant lots at their own facilities (issue, conversion to a warrant, delivery).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            lotId: string;
            /** Format: uuid */
            holderOrgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'active' | 'converted' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              issuedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** @description Whether the lot met every rule for going on warrant when it was reconciled */
              warrantable: boolean;
              certificates: {
                /** Format: uuid */
                id: string;
                number: string;
              }[];
              /** @description The warrant it was converted into */
              warrant: {
                /** Format: uuid */
                id: string;
                number: string;
              } | null;
              /** @description Whether an active pledge holds it (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/{eReceiptId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One electronic receipt: the public view (metal, location, tonnage, whether it is encumbered; never the holder), in full for its holder, its warehouse and the exchange
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Receipt id (UUID) or number (ER-…) */
          eReceiptId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'active' | 'converted' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              issuedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** @description Whether the lot met every rule for going on warrant when it was reconciled */
              warrantable: boolean;
              certificates: {
                /** Format: uuid */
                id: string;
                number: string;
              }[];
              /** @description The warrant it was converted into */
              warrant: {
                /** Format: uuid */
                id: string;
                number: string;
              } | null;
              /** @description Whether an active pledge holds it (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/{eReceiptId}/credential': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The warehouse's ElectronicReceiptCredential (vc+jwt): the metal, never the holder
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Receipt id (UUID) or number (ER-…) */
          eReceiptId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/{eReceiptId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed statement of every transition of the receipt (its holder, its warehouse, the exchange)
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Receipt id (UUID) or number (ER-…) */
          eReceiptId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Transfer one or many electronic receipts you hold to another organisation: all of them or none (a pledged receipt needs its lender’s consent)
     * @description **Permission:** `warrants.hold` — Members and administrators of the organisation holding the warrant (transfer, swap, cancel for load-out).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            eReceiptIds: string[];
            /** Format: uuid */
            toOrgId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              transferred: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'active' | 'converted' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                issuedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** @description Whether the lot met every rule for going on warrant when it was reconciled */
                warrantable: boolean;
                certificates: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                }[];
                /** @description The warrant it was converted into */
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
                /** @description Whether an active pledge holds it (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                  } | null;
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                contentDigest?: string;
              }[];
              to: {
                /** Format: uuid */
                id: string;
                name: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/{eReceiptId}/conversion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Convert an electronic receipt into a warrant for the same lot, issued to its holder; the receipt retires in the same transaction
     * @description **Permission:** `ereceipts.operate` — Warehouse members and administrators: electronic receipts for off-warrant lots at their own facilities (issue, conversion to a warrant, delivery).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Receipt id (UUID) or number (ER-…) */
          eReceiptId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              warrant: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'live' | 'cancelled' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                warrantedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                certificates: {
                  id: string;
                  number: string;
                }[];
                deliveredOutAt: string | null;
                /** @description Whether an active pledge holds the warrant (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                cancelledAt?: string | null;
                rent?: {
                  usdPerTonneDay: string;
                  basis: string;
                } | null;
                rentAccount?: {
                  currency: string;
                  paidTo: string | null;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  owedFrom: string;
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  asOf: string;
                  outstanding: {
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  toRateYearEnd: {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    paidTo: string;
                    /** @description an amount with 2 decimals */
                    amount: string;
                    days: number;
                  };
                  unpricedDays: number;
                  missingRateYears: string[];
                  openStatement: string | null;
                } | null;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    id: string;
                    number: string;
                  };
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                queue?:
                  | ({
                      position: number;
                      tonnesAhead: string;
                      /**
                       * Format: date
                       * @description YYYY-MM-DD
                       */
                      estimatedLoadOut: string;
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                contentDigest?: string;
              };
              eReceipt: {
                /** @description "full" for its holder, its warehouse and the exchange */
                view: 'public' | 'full';
                /** Format: uuid */
                id: string;
                number: string;
                status: 'active' | 'converted' | 'delivered_out';
                metal: string;
                brand: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                };
                shape: string;
                originCountry: string;
                tonnes: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                issuedOn: string;
                location: {
                  code: string;
                  name: string;
                };
                facility: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                /** @description Whether the lot met every rule for going on warrant when it was reconciled */
                warrantable: boolean;
                certificates: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                }[];
                /** @description The warrant it was converted into */
                warrant: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
                /** @description Whether an active pledge holds it (never whose) */
                encumbered: boolean;
                holder?: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                version?: number;
                bundles?: {
                  pcr: string;
                  bundleRef: string;
                  pieces: number;
                  netKg: string;
                  certificate: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                  } | null;
                }[];
                lot?: {
                  receipt: string;
                  lotRef: string;
                };
                contentDigest?: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/e-receipts/{eReceiptId}/delivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the metal of an electronic receipt delivered out to its holder (its warehouse); the receipt retires
     * @description **Permission:** `ereceipts.operate` — Warehouse members and administrators: electronic receipts for off-warrant lots at their own facilities (issue, conversion to a warrant, delivery).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Receipt id (UUID) or number (ER-…) */
          eReceiptId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description "full" for its holder, its warehouse and the exchange */
              view: 'public' | 'full';
              /** Format: uuid */
              id: string;
              number: string;
              status: 'active' | 'converted' | 'delivered_out';
              metal: string;
              brand: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
              };
              shape: string;
              originCountry: string;
              tonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              issuedOn: string;
              location: {
                code: string;
                name: string;
              };
              facility: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              warehouse: {
                /** Format: uuid */
                id: string;
                name: string;
              };
              /** @description Whether the lot met every rule for going on warrant when it was reconciled */
              warrantable: boolean;
              certificates: {
                /** Format: uuid */
                id: string;
                number: string;
              }[];
              /** @description The warrant it was converted into */
              warrant: {
                /** Format: uuid */
                id: string;
                number: string;
              } | null;
              /** @description Whether an active pledge holds it (never whose) */
              encumbered: boolean;
              holder?: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              version?: number;
              bundles?: {
                pcr: string;
                bundleRef: string;
                pieces: number;
                netKg: string;
                certificate: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                } | null;
              }[];
              lot?: {
                receipt: string;
                lotRef: string;
              };
              contentDigest?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pledges you are a party to, as lender or pledgor (the exchange: all)
     * @description **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     *
     *     **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     */
    get: {
      parameters: {
        query?: {
          role?: 'lender' | 'pledgor';
          status?: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                number: string;
                status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
                /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
                overdue: boolean;
                /** @description The caller’s part in it */
                role: 'lender' | 'pledgor' | null;
                pledgor: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                lender: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  kind: string | null;
                };
                amount: string;
                currency: string;
                reference: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                maturity: string;
                assets: {
                  /** Format: uuid */
                  id: string;
                  type: 'warrant' | 'e_receipt';
                  number: string;
                  metal: string;
                  tonnes: string;
                  active: boolean;
                }[];
                /** @description Consents the lender gave while active (each allows one action) */
                consents: {
                  /** Format: uuid */
                  assetId: string;
                  action: string;
                  toOrgId: string | null;
                }[];
                version: number;
                /** Format: date-time */
                proposedAt: string;
                acceptedAt: string | null;
                closedAt: string | null;
                enforcedTo: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                } | null;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Propose a pledge of warrants or electronic receipts you hold to a lender or the clearing house; it is active once the lender accepts
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            assets: string[];
            /** Format: uuid */
            lenderOrgId: string;
            /** @description decimal, at most 2 places */
            amount: string;
            /** @description ISO 4217 */
            currency: string;
            reference: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            maturity: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One pledge (its pledgor, its lender, the exchange)
     * @description **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     *
     *     **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed statement of every step of the pledge (its parties, the exchange)
     * @description **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     *
     *     **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/acceptance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a pledge proposed to you: it becomes active and locks its assets. Refused, naming the pledge, when an asset is already pledged
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/declination': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a pledge proposed to you
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a pledge you proposed, before it is accepted
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * As the lender, allow one transfer (optionally only to a named organisation) or one cancellation of one of the pledge's assets; the pledge stays active
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A warrant or electronic receipt: its id, or its number (WR-…, ER-…) */
            assetId: string;
            action: 'transfer' | 'cancel';
            /** Format: uuid */
            toOrgId?: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * As the lender, release an active pledge: its assets are free again
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pledges/{pledgeId}/enforcement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * As the lender, enforce an active pledge: title to each of its assets moves to you, or to the buyer you name, in the same transaction
     * @description **Permission:** `pledges.write` — Members and administrators of a holder (proposing and withdrawing pledges of what it holds) or of the lender a pledge names (accepting, declining, consenting, releasing, enforcing).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Pledge id (UUID) or number (PL-…) */
          pledgeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            toOrgId?: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
              /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
              overdue: boolean;
              /** @description The caller’s part in it */
              role: 'lender' | 'pledgor' | null;
              pledgor: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              lender: {
                /** Format: uuid */
                id: string;
                name: string | null;
                kind: string | null;
              };
              amount: string;
              currency: string;
              reference: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              maturity: string;
              assets: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                active: boolean;
              }[];
              /** @description Consents the lender gave while active (each allows one action) */
              consents: {
                /** Format: uuid */
                assetId: string;
                action: string;
                toOrgId: string | null;
              }[];
              version: number;
              /** Format: date-time */
              proposedAt: string;
              acceptedAt: string | null;
              closedAt: string | null;
              enforcedTo: {
                /** Format: uuid */
                id: string;
                name: string | null;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holdings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Warrants and electronic receipts you hold, each with whether it can be pledged, the pledge that holds it and what that locks (with the reason)
     * @description **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     *
     *     **Permission:** `pledges.read` — Any signed-in caller; a pledge is shown only to its pledgor, its lender and the exchange.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                type: 'warrant' | 'e_receipt';
                number: string;
                metal: string;
                tonnes: string;
                status: string;
                pledgeable: boolean;
                pledge: {
                  /** Format: uuid */
                  id: string;
                  number: string;
                  mine: boolean;
                  consents: {
                    action: string;
                    toOrgId: string | null;
                  }[];
                } | null;
                locked: {
                  action: string;
                  reason: string;
                }[];
                /** @description Open proposals over it (pledge numbers) */
                proposals: string[];
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{assetId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Due diligence on any warrant or electronic receipt: what it is and whether it is encumbered now (the pledge is named only to its parties; never the lender's name)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A warrant or electronic receipt: its id, or its number (WR-…, ER-…) */
          assetId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              type: 'warrant' | 'e_receipt';
              number: string;
              metal: string;
              tonnes: string;
              status: string;
              location: string;
              encumbered: boolean;
              /** @description Only for the pledge’s parties and the exchange */
              pledge?: {
                /** Format: uuid */
                id: string;
                number: string;
              };
              /** Format: date-time */
              asOf: string;
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/collateral/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your haircuts per metal and LTV alert threshold (defaults where you set none)
     * @description **Permission:** `collateral.read` — Lenders and the clearing house: their own collateral book and terms.
     *
     *     **Permission:** `collateral.read` — Lenders and the clearing house: their own collateral book and terms.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              haircutsPct: {
                [key: string]: string;
              };
              ltvAlertPct: string;
              valuationPrompt: string;
              priceCurrency: string;
              staleAfterDays: number;
              /** @description 0 while only the defaults apply */
              version: number;
              /** @description The haircuts this taker set itself */
              set: {
                [key: string]: string;
              };
              /** @description Reference defaults (unconfirmed) */
              defaults: {
                [key: string]: string;
              };
              unconfirmedDefaults: string[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    /**
     * Set your haircuts (per metal, percent) and/or your LTV alert threshold; logged
     * @description **Permission:** `collateral.terms` — Lenders and the clearing house (members and administrators): their own haircuts and LTV alert threshold.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            haircutsPct?: {
              [key: string]: string;
            };
            /** @description percent, at most 4 decimals */
            ltvAlertPct?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              haircutsPct: {
                [key: string]: string;
              };
              ltvAlertPct: string;
              valuationPrompt: string;
              priceCurrency: string;
              staleAfterDays: number;
              /** @description 0 while only the defaults apply */
              version: number;
              /** @description The haircuts this taker set itself */
              set: {
                [key: string]: string;
              };
              /** @description Reference defaults (unconfirmed) */
              defaults: {
                [key: string]: string;
              };
              unconfirmedDefaults: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/collateral/book': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your book: proposals to accept and active pledges, each valued at the latest official price after your haircut, with its LTV and alerts
     * @description **Permission:** `collateral.read` — Lenders and the clearing house: their own collateral book and terms.
     *
     *     **Permission:** `collateral.read` — Lenders and the clearing house: their own collateral book and terms.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              taker: {
                /** Format: uuid */
                id: string;
                name: string | null;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              asOf: string;
              terms: {
                haircutsPct: {
                  [key: string]: string;
                };
                ltvAlertPct: string;
                valuationPrompt: string;
                priceCurrency: string;
                staleAfterDays: number;
              };
              proposals: {
                /** Format: uuid */
                id: string;
                number: string;
                status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
                /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
                overdue: boolean;
                /** @description The caller’s part in it */
                role: 'lender' | 'pledgor' | null;
                pledgor: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                lender: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  kind: string | null;
                };
                amount: string;
                currency: string;
                reference: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                maturity: string;
                assets: {
                  /** Format: uuid */
                  id: string;
                  type: 'warrant' | 'e_receipt';
                  number: string;
                  metal: string;
                  tonnes: string;
                  active: boolean;
                }[];
                /** @description Consents the lender gave while active (each allows one action) */
                consents: {
                  /** Format: uuid */
                  assetId: string;
                  action: string;
                  toOrgId: string | null;
                }[];
                version: number;
                /** Format: date-time */
                proposedAt: string;
                acceptedAt: string | null;
                closedAt: string | null;
                enforcedTo: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                } | null;
                valuation: {
                  assets: {
                    /** Format: uuid */
                    id: string;
                    type: 'warrant' | 'e_receipt';
                    number: string;
                    metal: string;
                    tonnes: string;
                    price: string | null;
                    priceDate: string | null;
                    haircutPct: string | null;
                    grossValue: string | null;
                    value: string | null;
                  }[];
                  currency: string;
                  /** @description Exact, after haircuts */
                  collateralValue: string | null;
                  /** @description amount ÷ collateral value × 100, half up to 2 decimals */
                  ltvPct: string | null;
                  ltvAlertPct: string;
                  /** @description LTV at or above the threshold (compared exactly) */
                  ltvAlert: boolean;
                  problems: {
                    code: string;
                    message: string;
                    metal?: string;
                  }[];
                };
              }[];
              active: {
                /** Format: uuid */
                id: string;
                number: string;
                status: 'proposed' | 'active' | 'declined' | 'withdrawn' | 'released' | 'enforced';
                /** @description Active past its maturity: still active and locked until the lender releases or enforces it */
                overdue: boolean;
                /** @description The caller’s part in it */
                role: 'lender' | 'pledgor' | null;
                pledgor: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                };
                lender: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                  kind: string | null;
                };
                amount: string;
                currency: string;
                reference: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                maturity: string;
                assets: {
                  /** Format: uuid */
                  id: string;
                  type: 'warrant' | 'e_receipt';
                  number: string;
                  metal: string;
                  tonnes: string;
                  active: boolean;
                }[];
                /** @description Consents the lender gave while active (each allows one action) */
                consents: {
                  /** Format: uuid */
                  assetId: string;
                  action: string;
                  toOrgId: string | null;
                }[];
                version: number;
                /** Format: date-time */
                proposedAt: string;
                acceptedAt: string | null;
                closedAt: string | null;
                enforcedTo: {
                  /** Format: uuid */
                  id: string;
                  name: string | null;
                } | null;
                valuation: {
                  assets: {
                    /** Format: uuid */
                    id: string;
                    type: 'warrant' | 'e_receipt';
                    number: string;
                    metal: string;
                    tonnes: string;
                    price: string | null;
                    priceDate: string | null;
                    haircutPct: string | null;
                    grossValue: string | null;
                    value: string | null;
                  }[];
                  currency: string;
                  /** @description Exact, after haircuts */
                  collateralValue: string | null;
                  /** @description amount ÷ collateral value × 100, half up to 2 decimals */
                  ltvPct: string | null;
                  ltvAlertPct: string;
                  /** @description LTV at or above the threshold (compared exactly) */
                  ltvAlert: boolean;
                  problems: {
                    code: string;
                    message: string;
                    metal?: string;
                  }[];
                };
              }[];
              alerts: {
                pledge: string;
                /** Format: uuid */
                pledgeId: string;
                code: string;
                message: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The latest official price of each metal and prompt (as of a date)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          prompt?: string;
          /** @description YYYY-MM-DD */
          asOf?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                metal: string;
                prompt: string;
                price: string;
                currency: string;
                /** Format: uuid */
                publicationId: string;
              }[];
              valuationPrompt: string;
              prompts: string[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Publish the exchange's official prices (per date, metal and prompt); signed and logged
     * @description **Permission:** `prices.publish` — Exchange members and administrators: the exchange's official daily prices.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            prices: {
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              date: string;
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              prompt: string;
              price: string;
              /** @description ISO 4217 */
              currency?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              source: string;
              filename: string | null;
              /** Format: date-time */
              publishedAt: string;
              prices: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                metal: string;
                prompt: string;
                price: string;
                currency: string;
                /** Format: uuid */
                publicationId: string;
              }[];
              /** @description The exchange's PricePublication credential (vc+jwt) */
              credential: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/prices/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish official prices from a CSV or XLSX sheet (base64; columns date, metal, prompt, price, currency); every problem is named by row and column and nothing is published unless there are none
     * @description **Permission:** `prices.publish` — Exchange members and administrators: the exchange's official daily prices.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            filename: string;
            /** @description A CSV file or an XLSX workbook, base64 */
            contentBase64: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              source: string;
              filename: string | null;
              /** Format: date-time */
              publishedAt: string;
              prices: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                metal: string;
                prompt: string;
                price: string;
                currency: string;
                /** Format: uuid */
                publicationId: string;
              }[];
              /** @description The exchange's PricePublication credential (vc+jwt) */
              credential: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/price-publications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent publications of official prices, each with its signed credential
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                source: string;
                filename: string | null;
                /** Format: date-time */
                publishedAt: string;
                prices: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  date: string;
                  metal: string;
                  prompt: string;
                  price: string;
                  currency: string;
                  /** Format: uuid */
                  publicationId: string;
                }[];
                /** @description The exchange's PricePublication credential (vc+jwt) */
                credential: string;
                logIndex: number;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/price-publications/{publicationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One publication of official prices with its signed credential
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          publicationId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              source: string;
              filename: string | null;
              /** Format: date-time */
              publishedAt: string;
              prices: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                metal: string;
                prompt: string;
                price: string;
                currency: string;
                /** Format: uuid */
                publicationId: string;
              }[];
              /** @description The exchange's PricePublication credential (vc+jwt) */
              credential: string;
              logIndex: number;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Published market reports, newest first (stock, banding and queue reports per business day; off-warrant stock per month)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          kind?: 'stock' | 'banding' | 'queue' | 'off_warrant';
          /** @description earliest period */
          from?: string;
          /** @description latest period */
          to?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MarketReportSummary'][];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Publish a business day's reports (stock and queues once the day has closed; the banding report due that day) or a month's off-warrant stock report
     * @description Each report is built from the warrant and receipt history as of its day, signed by the exchange and logged. Publishing again is a no-op when the history gives the same document, and a 409 when it gives a different one (the history of that window changed after publication).
     *
     *     **Permission:** `reports.publish` — Exchange members and administrators: publishing a business day's (or month's) market reports.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description A business day (its stock, queue and banding reports) or a month (its off-warrant report) */
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            date?: string;
            /** @description YYYY-MM */
            month?: string;
            kinds?: ('stock' | 'banding' | 'queue' | 'off_warrant')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              reports: {
                /** Format: uuid */
                id: string;
                kind: 'stock' | 'banding' | 'queue' | 'off_warrant';
                /** @description The business day (YYYY-MM-DD) or month (YYYY-MM) the report is of */
                period: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                asOf: string;
                documentDigest: string;
                /** Format: date-time */
                publishedAt: string;
                logIndex: number;
                outcome: 'published' | 'unchanged';
              }[];
              notDue: {
                kind: 'stock' | 'banding' | 'queue' | 'off_warrant';
                period: string;
                /** @description ISO 8601 instant (UTC) */
                dueFrom: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/stock-series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live and cancelled tonnage per published business day, per location or per metal (from the published stock reports)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM-DD */
          from: string;
          /** @description YYYY-MM-DD */
          to: string;
          by?: 'location' | 'metal';
          /** @description LME contract code */
          metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
          location?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              by: 'location' | 'metal';
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              to: string;
              days: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                day: string;
                /** Format: uuid */
                reportId: string;
              }[];
              points: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                day: string;
                key: string;
                /** @description tonnes, exact (no trailing zeros) */
                live: string;
                /** @description tonnes, exact (no trailing zeros) */
                cancelled: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One published report with its document
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              kind: 'stock' | 'banding' | 'queue' | 'off_warrant';
              /** @description The business day (YYYY-MM-DD) or month (YYYY-MM) the report is of */
              period: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              asOf: string;
              documentDigest: string;
              /** Format: date-time */
              publishedAt: string;
              logIndex: number;
              document:
                | components['schemas']['StockReportDocument']
                | components['schemas']['BandingReportDocument']
                | components['schemas']['QueueReportDocument']
                | components['schemas']['OffWarrantReportDocument'];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The published document, byte for byte (RFC 8785 canonical JSON): its SHA-256 is the documentDigest the exchange signed
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}/credential': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The exchange's MarketReportCredential (vc+jwt) over the report
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * C2SP tlog-proof bundle of the report's credential
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Verify a published report: its signature and log inclusion, the stored document against the signed digest, and the report rebuilt from the history
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The credential checked (signature, issuer, key validity, schema, log inclusion), the stored document against it, and the report rebuilt from the history */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checks: {
                name:
                  | 'format'
                  | 'signature'
                  | 'issuer'
                  | 'key_validity'
                  | 'schema'
                  | 'status'
                  | 'log_inclusion'
                  | 'witnesses'
                  | 'current';
                status: 'pass' | 'fail' | 'skip';
                reason: string;
              }[];
              /** @description The credential type, e.g. CertificateOfAnalysis */
              type?: string;
              /** @description What the credential says, once its signature verified */
              summary?: {
                [key: string]: unknown;
              };
              report: components['schemas']['MarketReportSummary'];
              document: {
                status: 'pass' | 'fail' | 'skip';
                reason: string;
                digest?: string;
              };
              reproduced: {
                status: 'pass' | 'fail' | 'skip';
                reason: string;
                digest?: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/market-reports/{reportId}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A published report as CSV or Excel (figures as published; CSV cells guarded against formula injection)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx';
        };
        header?: never;
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/off-warrant-declarations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Off-warrant declarations: a warehouse company's own; the exchange's, all
     * @description **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     *
     *     **Permission:** `warehouse.read` — Any signed-in caller; receipts, queues and warrants are shown to their warehouse, their holder or depositor, and the exchange.
     */
    get: {
      parameters: {
        query?: {
          month?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                warehouseOrgId: string;
                location: string;
                metal: string;
                month: string;
                /** @description tonnes, exact (no trailing zeros) */
                tonnes: string;
                note: string | null;
                /** Format: date-time */
                declaredAt: string;
                logIndex: number;
                /** @description ISO 8601 instant (UTC) */
                declarationsUntil?: string;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Declare the off-warrant metal your company stores at a location that is not recorded as receipts, for a month (signed and logged; a later declaration supersedes)
     * @description **Permission:** `offwarrant.declare` — Warehouse members and administrators: declaring the off-warrant metal their company stores at a location where it has a facility.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description Off-warrant metal your company stores at the location that is not recorded as receipts, at the month’s end */
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM */
            month: string;
            location: string;
            /** @description LME contract code */
            metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
            /** @description tonnes, up to 3 decimals */
            tonnes: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              warehouseOrgId: string;
              location: string;
              metal: string;
              month: string;
              /** @description tonnes, exact (no trailing zeros) */
              tonnes: string;
              note: string | null;
              /** Format: date-time */
              declaredAt: string;
              logIndex: number;
              /** @description ISO 8601 instant (UTC) */
              declarationsUntil?: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assets/{assetId}/encumbrance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether a warrant or electronic receipt is free or pledged, with a sparse Merkle proof (membership or non-membership) against the latest signed checkpoint; never the lender
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A warrant or electronic receipt: its id, or its number (WR-…, ER-…) */
          assetId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assetId: string;
              status: 'free' | 'pledged';
              checkpoint: {
                size: number;
                /** Format: date-time */
                signedAt: string;
              };
              /** @description Verify offline with `assay verify <file> --trust trust.json` */
              bundle: {
                /** @enum {string} */
                format: 'assay-encumbrance-proof/1';
                /** @enum {string} */
                map: 'encumbrance';
                assetId: string;
                /** @description SHA-256 of the asset id: its key in the map */
                key: string;
                state:
                  | {
                      /** @enum {string} */
                      status: 'free';
                    }
                  | {
                      /** @enum {string} */
                      status: 'pledged';
                      pledgeDigest: string;
                    };
                /** @description base64 sparse Merkle proof (docs/ENCUMBRANCE.md) */
                proof: string;
                root: string;
                checkpoint: {
                  size: number;
                  /** Format: date-time */
                  signedAt: string;
                  /** @description The signed C2SP checkpoint whose `encumbrance` line commits to the root */
                  note: string;
                };
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The append-only audit trail, oldest first: the exchange reads all; an auditor its own events and, cut to what an audit needs, those of the organisations it audits
     * @description **Permission:** `audit.read` — The exchange and auditors.
     *
     *     **Permission:** `audit.read` — The exchange and auditors.
     */
    get: {
      parameters: {
        query?: {
          subjectType?: string;
          subjectId?: string;
          afterId?: number;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/prompts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every prompt date of a metal for a trade date, each with why it is a prompt (and where it moved from)
     * @description TOM and cash; every business day from cash to the three-month date; Wednesdays to six months; third Wednesdays monthly to the metal’s horizon (contract spec `monthlyPromptMonths`). `asOf` chooses which exchange calendar changes are counted (default today); `threeMonthRule` picks one of the encodings in reference/market-calendar.json.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          /** @description LME contract code, e.g. NI */
          metal: string;
          /** @description YYYY-MM-DD */
          tradeDate?: string;
          /** @description YYYY-MM-DD */
          asOf?: string;
          threeMonthRule?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              /** @enum {string} */
              calendar: 'exchange';
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              asOf: string;
              specVersion: number;
              horizonMonths: number;
              /** @description The monthly horizon is a default not yet confirmed (AA, NA) */
              horizonUnconfirmed: boolean;
              threeMonthRule: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              tradeDate: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              tom: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              cash: string;
              threeMonth: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                movedFrom?: string;
              };
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              weeklyUntil: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              lastPrompt: string;
              prompts: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                reasons: {
                  kind: 'tom' | 'cash' | 'daily' | '3M' | 'weekly' | 'monthly';
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  movedFrom?: string;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/business-days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Business days and named closures of a calendar between two dates (at most about ten years)
     * @description `calendar` is `exchange` (England & Wales bank holidays and the exchange’s changes) or a delivery location’s local calendar (`HK`, `TW`) for warehouse working days.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM-DD */
          from: string;
          /** @description YYYY-MM-DD */
          to: string;
          calendar?: string;
          /** @description YYYY-MM-DD */
          asOf?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              calendar: string;
              name: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              to: string;
              asOf: string | null;
              businessDays: string[];
              closures: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                name: string;
                source: 'rule' | 'exchange' | 'local';
              }[];
              provisionalYears: number[];
            };
          };
        };
        /** @description Default Response */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/closures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The exchange’s calendar changes: extra closures and openings (rule holidays that moved)
     * @description **Permission:** `public` — Anyone, including anonymous callers.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    get: {
      parameters: {
        query?: {
          includeWithdrawn?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                calendar: 'exchange';
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                date: string;
                kind: 'closure' | 'opening';
                name: string;
                source: string | null;
                referenceKey: string | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                effectiveFrom: string;
                withdrawnFrom: string | null;
                withdrawnReason: string | null;
                version: number;
                /** Format: date-time */
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Add a closure or an opening to the exchange calendar (audited and logged)
     * @description **Permission:** `calendar.write` — Exchange members and administrators: the exchange's calendar closures and openings.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            date: string;
            kind: 'closure' | 'opening';
            name: string;
            source?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            effectiveFrom?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              calendar: 'exchange';
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              date: string;
              kind: 'closure' | 'opening';
              name: string;
              source: string | null;
              referenceKey: string | null;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              effectiveFrom: string;
              withdrawnFrom: string | null;
              withdrawnReason: string | null;
              version: number;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/closures/{closureId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a calendar change from a date (audited and logged; the record stays)
     * @description **Permission:** `calendar.write` — Exchange members and administrators: the exchange's calendar closures and openings.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          closureId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            withdrawnFrom?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              calendar: 'exchange';
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              date: string;
              kind: 'closure' | 'opening';
              name: string;
              source: string | null;
              referenceKey: string | null;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              effectiveFrom: string;
              withdrawnFrom: string | null;
              withdrawnReason: string | null;
              version: number;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
        /** @description The one error body shape */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carries/quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Price a carry between two prompts: spread, contango or backwardation, cash flows and who pays whom
     * @description Borrow = buy the near prompt and sell the far; lend = sell near, buy far. Amounts are exact decimals in USD; signed amounts are from the caller’s side (+ received, − paid). Lot size comes from the contract spec.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            metal: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            tradeDate?: string;
            direction: 'borrow' | 'lend';
            lots: number;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            near: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            far: string;
            /** @description USD per tonne, exact decimal (at most 6 places) */
            nearPrice: string;
            /** @description USD per tonne, exact decimal (at most 6 places) */
            farPrice: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              tradeDate: string;
              lotTonnes: string;
              direction: 'borrow' | 'lend';
              lots: number;
              tonnes: string;
              legs: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                prompt: string;
                side: 'buy' | 'sell';
                lots: number;
                price: string;
                cashFlowPerTonne: string;
                cashFlow: string;
              }[];
              spread: string;
              structure: 'contango' | 'backwardation' | 'flat';
              netPerTonne: string;
              net: string;
              payment: {
                from: 'borrower' | 'lender';
                to: 'borrower' | 'lender';
                perTonne: string;
                total: string;
              } | null;
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carries/roll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Propose the carries that line a book of positions up on one prompt, with realised and open P&L
     * @description One carry per prompt with a net open position, onto `target`, dealt on `rollDate` at the prices in `marks` (one per prompt involved). Buys and sells on each prompt are then matched first in, first out. Nothing is recorded.
     *
     *     **Permission:** `public` — Anyone, including anonymous callers.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            metal: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            rollDate: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            target: string;
            positions: {
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              tradeDate: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              prompt: string;
              side: 'buy' | 'sell';
              lots: number;
              /** @description USD per tonne, exact decimal (at most 6 places) */
              price: string;
            }[];
            marks: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description LME contract code */
              metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
              lotTonnes: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              target: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              rollDate: string;
              carries: {
                direction: 'borrow' | 'lend';
                lots: number;
                tonnes: string;
                legs: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  prompt: string;
                  side: 'buy' | 'sell';
                  lots: number;
                  price: string;
                  cashFlowPerTonne: string;
                  cashFlow: string;
                }[];
                spread: string;
                structure: 'contango' | 'backwardation' | 'flat';
                netPerTonne: string;
                net: string;
                payment: {
                  from: 'borrower' | 'lender';
                  to: 'borrower' | 'lender';
                  perTonne: string;
                  total: string;
                } | null;
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                from: string;
              }[];
              realised: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                prompt: string;
                lots: number;
                buy: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  tradeDate: string;
                  price: string;
                  source: 'book' | 'carry';
                };
                sell: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  tradeDate: string;
                  price: string;
                  source: 'book' | 'carry';
                };
                pnlPerTonne: string;
                pnl: string;
              }[];
              realisedTotal: string;
              carryNet: string;
              open: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 */
                prompt: string;
                netLots: number;
                positions: {
                  /**
                   * Format: date
                   * @description YYYY-MM-DD
                   */
                  tradeDate: string;
                  price: string;
                  source: 'book' | 'carry';
                  side: 'buy' | 'sell';
                  lots: number;
                }[];
                mark: string;
                pnl: string;
              };
            };
          };
        };
        /** @description The one error body shape */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
                details?: ({
                  /** @description The field, e.g. body.password; absent when the problem is the request as a whole */
                  path?: string;
                  message: string;
                  /** @description A stable code to translate, e.g. password_common, email_locked */
                  code?: string;
                  /** @description With a 429: when to try again */
                  retryAfterSeconds?: number;
                } & {
                  [key: string]: unknown;
                })[];
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** ContractSpec */
    ContractSpec: {
      /** @description LME contract code */
      metal: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
      version: number;
      /** Format: date */
      effectiveFrom: string;
      metalName: string;
      qualityStandard: string;
      grade?: string;
      alsoAccepted: string[];
      purity: {
        element: string;
        min: string;
        basis: string;
      } | null;
      elements: {
        [key: string]: {
          max: string;
        };
      };
      groups: {
        id: string;
        label: string;
        elements: string[];
        max: string;
      }[];
      /** @description Alloy contracts: registered designations with mass % ranges; an analysis conforms when it meets one */
      designations?: {
        id: string;
        name: string;
        elements: {
          [key: string]: {
            min?: string;
            max?: string;
            source: string;
          };
        };
        others?: {
          each?: string;
          total?: string;
          source: string;
        };
        sources: {
          [key: string]: string;
        };
        unconfirmed?: string[];
      }[];
      lotTonnes: string;
      warrantTolerancePct: string;
      shapes: string[];
      monthlyPromptMonths: number;
      unconfirmed: string[];
      notes?: string;
    } & {
      [key: string]: unknown;
    };
    /** CertificateSubmission */
    CertificateSubmission: {
      /** @description Brand code (e.g. NORNI) or id */
      brand: string;
      /** @description Production cast reference */
      pcr: string;
      /** @description LME contract code */
      metal?: 'AH' | 'CA' | 'ZS' | 'PB' | 'NI' | 'SN' | 'AA' | 'NA' | 'CO';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      productionDate: string;
      /** @description ISO 3166-1 alpha-2 */
      originCountry: string;
      shape: string;
      dimensions?: {
        lengthMm?: string;
        widthMm?: string;
        thicknessMm?: string;
        heightMm?: string;
        description?: string;
      };
      pieces: number;
      bundles: {
        number: string;
        pieces: number;
        /** @description kg, up to 3 decimals */
        netKg: string;
        /** @description kg, up to 3 decimals */
        grossKg?: string;
      }[];
      /** @description kg, up to 3 decimals */
      grossWeightKg: string;
      /** @description kg, up to 3 decimals */
      netWeightKg: string;
      /** @description Element symbol → reported value */
      chemistry: {
        [key: string]: {
          /** @description Plain decimal, e.g. "0.0026" */
          value: string;
          unit: '%' | 'ppm';
          /** @description "<" = below detection limit */
          operator?: '=' | '<' | '<=';
          uncertainty?: string;
        };
      };
      laboratory: {
        name: string;
        accreditation?: string;
        reportNumber?: string;
      };
      signatory: {
        name: string;
        title?: string;
      };
      remarks?: string;
    };
    /** ImportJob */
    ImportJob: {
      /** Format: uuid */
      id: string;
      status: 'queued' | 'running' | 'completed' | 'failed';
      /** Format: uuid */
      producerOrgId: string;
      filename: string;
      format: 'csv' | 'xlsx' | 'ndjson';
      /** @description SHA-256 of the uploaded bytes; the same file uploaded again is recognised by it */
      sha256: string;
      bytes: number;
      /** @description Data rows of the file (bundle rows; lines for NDJSON) */
      rows: {
        total: number;
        done: number;
      };
      /** @description When completed, accepted + rejected + unchanged = total */
      records: {
        /** @description Certificates the rows make up */
        total: number;
        done: number;
        /** @description Issued or amended */
        accepted: number;
        /** @description Invalid, non-conforming (stored as rejected certificates) or in conflict; see the errors */
        rejected: number;
        /** @description Already registered with identical content */
        unchanged: number;
      };
      /** @description Rows of the error report */
      errors: number;
      /** @description Certificates per second in the current run */
      rate: number | null;
      etaSeconds: number | null;
      failure: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      finishedAt: string | null;
    };
    /** MarketReportSummary */
    MarketReportSummary: {
      /** Format: uuid */
      id: string;
      kind: 'stock' | 'banding' | 'queue' | 'off_warrant';
      /** @description The business day (YYYY-MM-DD) or month (YYYY-MM) the report is of */
      period: string;
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      asOf: string;
      documentDigest: string;
      /** Format: date-time */
      publishedAt: string;
      logIndex: number;
    };
    /**
     * StockReportDocument
     * @description Daily stock report: per location and metal, opening + in − out = closing = live + cancelled
     */
    StockReportDocument: {
      /** @enum {string} */
      schema: 'assay.market-report/1';
      /** @enum {string} */
      unit: 't';
      period: string;
      /** @enum {string} */
      kind: 'stock';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      businessDay: string;
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      previousBusinessDay: string;
      timeZone: string;
      /** @description Warrant events at or after `from` and before `to` are the day’s */
      window: {
        /** @description ISO 8601 instant (UTC) */
        from: string;
        /** @description ISO 8601 instant (UTC) */
        to: string;
      };
      rows: {
        location: string;
        metal: string;
        /** @description tonnes, exact (no trailing zeros) */
        opening: string;
        /** @description tonnes, exact (no trailing zeros) */
        deliveredIn: string;
        /** @description tonnes, exact (no trailing zeros) */
        deliveredOut: string;
        /** @description tonnes, exact (no trailing zeros) */
        closing: string;
        /** @description tonnes, exact (no trailing zeros) */
        live: string;
        /** @description tonnes, exact (no trailing zeros) */
        cancelled: string;
      }[];
      totals: {
        metal: string;
        /** @description tonnes, exact (no trailing zeros) */
        opening: string;
        /** @description tonnes, exact (no trailing zeros) */
        deliveredIn: string;
        /** @description tonnes, exact (no trailing zeros) */
        deliveredOut: string;
        /** @description tonnes, exact (no trailing zeros) */
        closing: string;
        /** @description tonnes, exact (no trailing zeros) */
        live: string;
        /** @description tonnes, exact (no trailing zeros) */
        cancelled: string;
      }[];
    };
    /**
     * BandingReportDocument
     * @description Warrant banding per metal, published in arrears: holders as anonymous positions
     */
    BandingReportDocument: {
      /** @enum {string} */
      schema: 'assay.market-report/1';
      /** @enum {string} */
      unit: 't';
      period: string;
      /** @enum {string} */
      kind: 'banding';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      asOf: string;
      arrearsBusinessDays: number;
      bands: {
        code: string;
        fromPct: number;
        toPct: number;
      }[];
      window: {
        /** @description ISO 8601 instant (UTC) */
        to: string;
      };
      metals: {
        metal: string;
        /** @description tonnes, exact (no trailing zeros) */
        liveTonnes: string;
        liveWarrants: number;
        /** @description Holders in a band, strongest first; never named */
        positions: {
          position: number;
          band: string;
        }[];
        byBand: {
          band: string;
          positions: number;
        }[];
      }[];
    };
    /**
     * QueueReportDocument
     * @description Load-out queues per facility: what waits and for how many working days at the minimum load-out rate
     */
    QueueReportDocument: {
      /** @enum {string} */
      schema: 'assay.market-report/1';
      /** @enum {string} */
      unit: 't';
      period: string;
      /** @enum {string} */
      kind: 'queue';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      asOf: string;
      timeZone: string;
      window: {
        /** @description ISO 8601 instant (UTC) */
        to: string;
      };
      facilities: {
        /** Format: uuid */
        facility: string;
        location: string;
        warrants: number;
        /** @description tonnes, exact (no trailing zeros) */
        tonnes: string;
        metals: {
          metal: string;
          warrants: number;
          /** @description tonnes, exact (no trailing zeros) */
          tonnes: string;
        }[];
        /** @description tonnes, exact (no trailing zeros) */
        minDailyLoadOutTonnes: string;
        waitingWorkingDays: number;
        /**
         * Format: date
         * @description YYYY-MM-DD
         */
        waitingSince: string;
      }[];
    };
    /**
     * OffWarrantReportDocument
     * @description Off-warrant stock at a month’s end: received metal not on warrant, plus what warehouses declared
     */
    OffWarrantReportDocument: {
      /** @enum {string} */
      schema: 'assay.market-report/1';
      /** @enum {string} */
      unit: 't';
      period: string;
      /** @enum {string} */
      kind: 'off_warrant';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      asOf: string;
      window: {
        /** @description ISO 8601 instant (UTC) */
        to: string;
      };
      /** @description ISO 8601 instant (UTC) */
      declarationsUntil: string;
      rows: {
        location: string;
        metal: string;
        /** @description tonnes, exact (no trailing zeros) */
        recorded: string;
        /** @description tonnes, exact (no trailing zeros) */
        declared: string;
        /** @description tonnes, exact (no trailing zeros) */
        total: string;
        warehouses: number;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
