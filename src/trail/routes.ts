import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.ts';
import { caller, type App } from '../platform/http.ts';
import { errors } from '../platform/schemas.ts';
import { auditEvents } from './service.ts';

export function registerTrailRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit trail, oldest first: the exchange reads all; an auditor its own events and, cut to what an audit needs, those of the organisations it audits',
        querystring: Type.Object(
          {
            subjectType: Type.Optional(Type.String({ maxLength: 40 })),
            subjectId: Type.Optional(Type.String({ maxLength: 100 })),
            afterId: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await auditEvents(ctx, caller(req), { ...req.query, limit: req.query.limit ?? 100 }) }),
  );
}
