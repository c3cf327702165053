import { Type, type TSchema } from '@sinclair/typebox';

// Shared schema pieces; each feature's own request/response schemas sit beside its routes.
export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
/**
 * A name people read (organisation, user, key, brand, plant, witness): services trim it, and it must
 * keep a visible character and hold no control, line-separator or bidirectional-override characters,
 * which let one name pass for another in a list or a terminal (a right-to-left override, an ANSI
 * escape, a newline).
 */
export const NAME_PATTERN = '^(?=[\\s\\S]*\\S)[^\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$';
export const NAME_MESSAGE = 'must not be blank or hold control or bidirectional-override characters';
/** The request validator trims a string carrying this keyword, then checks its length (http.ts). */
export const TRIMMED = 'x-trimmed';
export const Name = (minLength: number, maxLength: number) =>
  Type.String({ minLength, maxLength, pattern: NAME_PATTERN, [TRIMMED]: { minLength } });

/** Friendlier messages for shared patterns than "must match pattern …". */
export const PATTERN_MESSAGES: Readonly<Record<string, string>> = { [NAME_PATTERN]: NAME_MESSAGE };

/** Non-negative decimal as a string, so quantities never pass through floating point. */
export const Decimal = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', maxLength: 32 });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object(
            {
              path: Type.Optional(Type.String({ description: 'The field, e.g. body.password; absent when the problem is the request as a whole' })),
              message: Type.String(),
              code: Type.Optional(Type.String({ description: 'A stable code to translate, e.g. password_common, email_locked' })),
              retryAfterSeconds: Type.Optional(Type.Integer({ description: 'With a 429: when to try again' })),
            },
            { additionalProperties: true },
          ),
        ),
      ),
    }),
  },
  { $id: 'Error', description: 'The one error body shape' },
);

/** Standard error responses added to every documented route. */
export const errors = (...codes: number[]): Record<number, TSchema> =>
  Object.fromEntries(codes.map((c) => [c, ErrorResponse]));

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page' }),
  });
