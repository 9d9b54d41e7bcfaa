/**
 * The record structure the receiver enforces is Tencent's own: every member of TelCdrInfo
 * and of the objects inside it, with the spec's type and required flag, read from the
 * machine-readable API description (../shared/tccc-spec, see its README for the source).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Field,
  IVR_KEY_PRESSED_ELEMENT,
  type ObjectSchema,
  SEAT_USER_INFO,
  SERVE_PARTICIPANT,
  TEL_CDR_INFO,
} from './cdr-schema.js';
import { validateRecord } from './validate.js';

interface SpecMember {
  name: string;
  type: string;
  member: string;
  required?: boolean;
}

const spec = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../../../shared/tccc-spec/ccc-2020-02-10.json'),
    'utf8',
  ),
) as { objects: Record<string, { members: SpecMember[] }> };

/** The spec's description of a member, in cdr-schema.ts terms. */
function specType(member: SpecMember): string {
  if (member.type === 'string') return 'string';
  if (member.type === 'int') return 'integer';
  if (member.type === 'list' && member.member === 'string') return 'string[]';
  if (member.type === 'list') return `list of ${member.member}`;
  if (member.type === 'object') return `object ${member.member}`;
  return `${member.type} of ${member.member}`;
}

/** Where the receiver is deliberately stricter than the spec, and why. */
const STRICTER: Record<string, string> = {
  'TelCdrInfo.SessionId': 'required: records are stored and de-duplicated by it',
};
/** String members that refuse '' (TCCC sends '' for "none" everywhere else). */
const NEVER_EMPTY = new Set(['TelCdrInfo.SessionId']);

/** The smallest valid object of `schema`: its required members, each a string. */
const smallest = (schema: ObjectSchema) =>
  Object.fromEntries(
    Object.entries(schema.fields)
      .filter(([, field]) => field.required)
      .map(([name]) => [name, 'x']),
  );

function ourType(field: Field): string {
  const { type } = field;
  if (type === 'seconds') return 'integer';
  if (typeof type === 'string') return type;
  return 'object' in type ? `object ${type.object.name}` : `list of ${type.list.name}`;
}

describe.each([TEL_CDR_INFO, SEAT_USER_INFO, SERVE_PARTICIPANT, IVR_KEY_PRESSED_ELEMENT])(
  '$name',
  (schema: ObjectSchema) => {
    const members = spec.objects[schema.name]?.members ?? [];

    it('has exactly the members of the spec, in its order', () => {
      expect(Object.keys(STRICTER).every((key) => key.includes('.'))).toBe(true);
      expect(members.length).toBeGreaterThan(0);
      expect(Object.keys(schema.fields)).toEqual(members.map((member) => member.name));
    });

    it.each(members.map((member) => [member.name, member] as const))(
      '%s has the type and required flag of the spec',
      (name, member) => {
        const field = schema.fields[name] as Field;
        expect(ourType(field)).toBe(specType(member));
        const required = member.required ?? false;
        expect(field.required ?? false).toBe(required || `${schema.name}.${name}` in STRICTER);
      },
    );

    const strings = members.filter((member) => member.type === 'string');
    it.each(strings.map((member) => [member.name] as const))(
      "%s: '' is accepted as TCCC sends it for none, unless the member must never be empty",
      (name) => {
        const result = validateRecord({ ...smallest(schema), [name]: '' }, schema);
        if (NEVER_EMPTY.has(`${schema.name}.${name}`)) {
          expect(result).toEqual({ ok: false, problems: [`${name}: must not be empty`] });
        } else {
          expect(result).toMatchObject({ ok: true, value: { [name]: '' } });
        }
      },
    );
  },
);
