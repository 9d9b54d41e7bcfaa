/**
 * The mock's TCCC shapes fit tencentcloud-sdk-nodejs's own models (a compile-time check,
 * run by `pnpm typecheck`), and name only members the spec has (a runtime check against the
 * copy of Tencent's API description in ../../../shared/tccc-spec).
 */
import { readFileSync } from 'node:fs';
import type * as Sdk from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models.js';
import { describe, expect, it } from 'vitest';
import type * as Mock from './tencent-types.js';

type Fits<T extends U, U> = T;
export type Checks = [
  Fits<Mock.TelCdrInfo, Sdk.TelCdrInfo>,
  Fits<Mock.SeatUserInfo, Sdk.SeatUserInfo>,
  Fits<Mock.ServeParticipant, Sdk.ServeParticipant>,
  Fits<Mock.IVRKeyPressedElement, Sdk.IVRKeyPressedElement>,
  Fits<Mock.StaffInfo, Sdk.StaffInfo>,
  Fits<Mock.SkillGroupItem, Sdk.SkillGroupItem>,
  Fits<Mock.SkillGroupInfoItem, Sdk.SkillGroupInfoItem>,
];

const sharedSpecText = readFileSync(
  new URL('../../../../../shared/tccc-spec/ccc-2020-02-10.json', import.meta.url),
  'utf8',
);
const spec = JSON.parse(sharedSpecText) as {
  objects: Record<string, { members: { name: string }[] }>;
};
/** The copy the mock runs on (spec/README.md says where it came from). */
const localSpecText = readFileSync(
  new URL('../../spec/ccc-2020-02-10.json', import.meta.url),
  'utf8',
);

/** Member names of each interface in tencent-types.ts, read from its source. */
function declaredMembers(): Record<string, string[]> {
  const source = readFileSync(new URL('./tencent-types.ts', import.meta.url), 'utf8');
  const members: Record<string, string[]> = {};
  for (const match of source.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    const [, name = '', body = ''] = match;
    members[name] = [...body.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1] as string);
  }
  return members;
}

describe('TCCC shapes', () => {
  it("the mock's copy of the spec is the shared one, unchanged", () => {
    expect(localSpecText === sharedSpecText).toBe(true);
  });

  it.each(Object.entries(declaredMembers()))(
    '%s names only members of the spec object',
    (name, members) => {
      const object = spec.objects[name];
      expect(object, `${name} is not an object of the spec`).toBeDefined();
      const known = new Set(object?.members.map((member) => member.name));
      expect(members.filter((member) => !known.has(member))).toEqual([]);
      expect(members.length).toBeGreaterThan(0);
    },
  );
});
