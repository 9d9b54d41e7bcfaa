/**
 * The store's records in TCCC's shapes (tencent-types.ts): what DescribeStaffInfoList,
 * DescribeSkillGroupInfoList and a CDR's SeatUser answer for them.
 */
import type { SkillGroupRecord, SkillGroupTable } from './skill-groups.js';
import type { StaffRecord } from './staff.js';
import type { SeatUserInfo, SkillGroupInfoItem, StaffInfo } from './tencent-types.js';

/** StaffInfo of a member, its skill groups named from the app's groups. */
export function toStaffInfo(staff: StaffRecord, groups: SkillGroupTable): StaffInfo {
  return {
    Name: staff.name,
    Mail: staff.mail,
    Phone: staff.phone,
    Nick: staff.nick,
    StaffNumber: staff.staffNumber,
    RoleList: [...staff.roles],
    SkillGroupList: staff.skillGroups.flatMap(({ skillGroupId, priority }) => {
      const group = groups.get(staff.sdkAppId, skillGroupId);
      return group
        ? [
            {
              SkillGroupId: skillGroupId,
              SkillGroupName: group.name,
              Priority: priority,
              Type: group.type,
            },
          ]
        : [];
    }),
    LastModifyTimestamp: staff.lastModified,
    ExtensionNumber: staff.extensionNumber,
  };
}

/** SeatUserInfo of a member, as a CDR's `SeatUser` carries it. */
export function toSeatUserInfo(staff: StaffRecord, groups: SkillGroupTable): SeatUserInfo {
  return {
    Name: staff.name,
    Mail: staff.mail,
    StaffNumber: staff.staffNumber,
    Phone: staff.phone,
    Nick: staff.nick,
    UserId: staff.mail,
    SkillGroupNameList: staff.skillGroups.flatMap(
      ({ skillGroupId }) => groups.get(staff.sdkAppId, skillGroupId)?.name ?? [],
    ),
    ...(staff.roles[0] === undefined ? {} : { Role: staff.roles[0] }),
    ExtensionNumber: staff.extensionNumber,
  };
}

export function toSkillGroupInfoItem(group: SkillGroupRecord): SkillGroupInfoItem {
  return {
    SkillGroupId: group.skillGroupId,
    SkillGroupName: group.name,
    Type: group.type,
    RoutePolicy: group.routePolicy,
    UsingLastSeat: group.usingLastSeat,
    MaxConcurrency: group.maxConcurrency,
    LastModifyTimestamp: group.lastModified,
    SkillGroupType: group.skillGroupType,
    Alias: group.alias,
    RingAll: group.ringAll,
  };
}
