import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { costlyRouteLimit } from '../platform/protections.ts';
import { CountryCode, errors, IsoDateTime, Name, Uuid } from '../platform/schemas.ts';
import { ORG_KINDS, ROLES, SCOPES, SCOPES_BY_KIND } from './principal.ts';
import * as service from './service.ts';

export const SESSION_COOKIE = 'assay_session';

const Organisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Union(ORG_KINDS.map((k) => Type.Literal(k))),
  country: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
const User = Type.Object({
  id: Uuid,
  orgId: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  createdAt: IsoDateTime,
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean(),
  addedBy: Type.Optional(
    Type.Union([
      Type.Object({ orgId: Uuid, orgName: Type.String(), orgKind: Type.Union(ORG_KINDS.map((k) => Type.Literal(k))) }),
      Type.Null(),
    ], { description: 'The organisation that added this user; another organisation here (the exchange) is worth a look' }),
  ),
});
const ApiKey = Type.Object({
  id: Uuid,
  orgId: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: IsoDateTime,
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  unfitScopes: Type.Optional(
    Type.Array(Type.String(), {
      description: "Scopes this key carries that its organisation's kind may not hold; a key with any is refused (revoke it and create another)",
    }),
  ),
});
const OrgKind = Type.Union(ORG_KINDS.map((k) => Type.Literal(k)));
const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Scope = Type.Union(SCOPES.map((s) => Type.Literal(s)));
const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 256 });
const OrgParams = Type.Object({ orgId: Uuid });
const tags = ['access'];

export function registerAccessRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/sessions',
    {
      config: { permission: 'public', rateLimit: costlyRouteLimit(ctx.config.rateLimit) },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets an httpOnly session cookie',
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        description:
          'Failed sign-ins are counted per email and per client address: after a few, each attempt must wait longer, ' +
          'then the account is locked for a while (429 with Retry-After; the right password is refused too) until the ' +
          'lock runs out or an administrator unlocks it.',
        response: { 201: Type.Object({ user: User, expiresAt: IsoDateTime }), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { token, expiresAt, user } = await service.signIn(ctx, req.body.email, req.body.password, req.ip);
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        path: '/',
        expires: expiresAt,
      });
      return reply.status(201).send({ user, expiresAt: expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/sessions/current',
    {
      config: { permission: 'session.end' },
      schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errors(401, 403) } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await service.signOut(ctx, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { permission: 'me.read' },
      schema: {
        tags,
        summary: 'Who am I: the signed-in user or API key and its organisation',
        response: {
          200: Type.Object({
            type: Type.String(),
            userId: Type.Optional(Uuid),
            email: Type.Optional(Type.String()),
            name: Type.Optional(Type.String()),
            role: Type.Optional(Type.String()),
            keyId: Type.Optional(Uuid),
            scopes: Type.Optional(Type.Array(Type.String())),
            organisation: Organisation,
          }),
          ...errors(401),
        },
      },
    },
    async (req) => {
      const p = caller(req);
      const organisation = await service.getOrganisation(ctx, p, p.orgId);
      return { ...p, organisation };
    },
  );

  app.get(
    '/api/v1/organisations',
    {
      config: { permission: 'organisations.read' },
      schema: {
        tags,
        summary: 'List organisations (the exchange sees all; others see their own)',
        querystring: Type.Object({ kind: Type.Optional(OrgKind) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Organisation) }), ...errors(400, 401) },
      },
    },
    async (req) => ({ items: await service.listOrganisations(ctx, caller(req), req.query) }),
  );

  app.get(
    '/api/v1/organisation-directory',
    {
      config: { permission: 'directory.read' },
      schema: {
        tags,
        summary: 'The organisations on the register by name, kind and country (any signed-in caller), e.g. to choose a CBAM grantee or an auditor',
        querystring: Type.Object({ kind: Type.Optional(OrgKind) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: OrgKind, country: Type.Union([Type.String(), Type.Null()]) })) }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await service.organisationDirectory(ctx, req.query) }),
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { permission: 'organisations.create' },
      schema: {
        tags,
        summary: 'Create an organisation (exchange administrators)',
        body: Type.Object(
          {
            name: Name(2, 200),
            kind: OrgKind,
            country: Type.Optional(Type.Union([CountryCode, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Organisation, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(ctx, caller(req), req.body)),
  );

  app.get(
    '/api/v1/organisations/:orgId',
    {
      config: { permission: 'organisations.read' },
      schema: { tags, summary: 'One organisation', params: OrgParams, response: { 200: Organisation, ...errors(400, 401, 404) } },
    },
    async (req) => service.getOrganisation(ctx, caller(req), req.params.orgId),
  );

  app.get(
    '/api/v1/organisations/:orgId/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: "List an organisation's users (its administrators, or the exchange's)",
        params: OrgParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Intersect([
                User,
                Type.Object({
                  signInLockedUntil: Type.Union([IsoDateTime, Type.Null()], {
                    description: 'Until when signing in is locked after too many failed attempts; null when it is not',
                  }),
                }),
              ]),
            ),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await service.listUsers(ctx, caller(req), req.params.orgId) }),
  );

  app.post(
    '/api/v1/organisations/:orgId/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Create a user with a password, or invite one (no password: a one-time invitation token is returned)',
        params: OrgParams,
        body: Type.Object(
          {
            email: Email,
            name: Name(1, 200),
            role: Role,
            password: Type.Optional(Password),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            user: User,
            invitationToken: Type.Optional(Type.String({ description: 'Shown once' })),
            invitationExpiresAt: Type.Optional(IsoDateTime),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(ctx, caller(req), req.params.orgId, req.body)),
  );

  app.delete(
    '/api/v1/organisations/:orgId/users/:userId',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: "Remove a user from an organisation: the account is disabled, its sessions and invitation end (its administrators, or the exchange's)",
        params: Type.Object({ orgId: Uuid, userId: Uuid }),
        response: { 200: User, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => service.removeUser(ctx, caller(req), req.params.orgId, req.params.userId),
  );

  app.delete(
    '/api/v1/organisations/:orgId/users/:userId/sign-in-lock',
    {
      config: { permission: 'users.unlock' },
      schema: {
        tags,
        summary: "Unlock a user's sign-in after too many failed attempts, forgetting them (its administrators, or the exchange's)",
        params: Type.Object({ orgId: Uuid, userId: Uuid }),
        response: {
          200: Type.Object({ user: User, wasLocked: Type.Boolean({ description: 'Whether signing in was locked until now' }) }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => service.unlockUser(ctx, caller(req), req.params.orgId, req.params.userId),
  );

  app.post(
    '/api/v1/invitations/acceptance',
    {
      config: { permission: 'public', rateLimit: costlyRouteLimit(ctx.config.rateLimit) },
      schema: {
        tags,
        summary: 'Accept an invitation by choosing a password and, optionally, the name others see (it replaces the name given in the invitation)',
        body: Type.Object(
          {
            token: Type.String({ minLength: 10, maxLength: 200 }),
            password: Password,
            name: Type.Optional(Name(1, 200)),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      await service.acceptInvitation(ctx, req.body.token, req.body.password, req.body.name);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags,
        summary: "List your organisation's API keys (never their secrets), and the scopes a new key of your organisation may carry",
        response: {
          200: Type.Object({ items: Type.Array(ApiKey), availableScopes: Type.Array(Scope) }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const p = caller(req);
      return { items: await service.listApiKeys(ctx, p), availableScopes: [...SCOPES_BY_KIND[p.orgKind]] };
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags,
        summary: 'Create an API key for your organisation; the key is shown once',
        body: Type.Object(
          { name: Name(1, 100), scopes: Type.Array(Scope, { minItems: 1, maxItems: SCOPES.length }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ key: Type.String(), apiKey: ApiKey }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createApiKey(ctx, caller(req), req.body)),
  );

  app.delete(
    '/api/v1/api-keys/:keyId',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: Type.Object({ keyId: Uuid }),
        response: { 200: ApiKey, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => service.revokeApiKey(ctx, caller(req), req.params.keyId),
  );

  app.delete(
    '/api/v1/api-keys/:keyId/lock',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags,
        summary: 'Unlock an API key after too many failed attempts with its prefix, forgetting them',
        params: Type.Object({ keyId: Uuid }),
        response: {
          200: Type.Object({ apiKey: ApiKey, wasLocked: Type.Boolean({ description: 'Whether the key was locked until now' }) }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => service.unlockApiKey(ctx, caller(req), req.params.keyId),
  );
}
